package main

func gen(n int) <-chan int {
	c := make(chan int, n)
	for i := 0; i < n; i++ {
		c <- i
	}
	close(c)
	return c
}

func sink(c chan<- string, s string) {
	c <- s
}

func main() {
	r := gen(4)
	println(len(r), cap(r))
	sum := 0
	for v := range r {
		sum += v
	}
	println(sum)
	c := make(chan string, 2)
	var so chan<- string = c
	sink(so, "hi")
	println(len(so), cap(so), <-c)
	chch := make(chan chan int, 1)
	inner := make(chan int, 1)
	chch <- inner
	(<-chch) <- 42
	println(<-inner)
	fc := make(chan func() int, 3)
	for i := 0; i < 3; i++ {
		fc <- func() int { return i * i }
	}
	close(fc)
	for f := range fc {
		print(f(), " ")
	}
	println()
	arr := [3]chan int{make(chan int, 1), make(chan int, 1), nil}
	arr[1] <- 7
	select {
	case v := <-arr[0]:
		println("0", v)
	case v := <-arr[1]:
		println("1", v)
	case v := <-arr[2]:
		println("2", v)
	}
	m := map[chan int]string{arr[0]: "zero", arr[1]: "one"}
	println(m[arr[1]], len(m))
	var nc chan int
	println(len(nc), cap(nc), nc == nil)
	ec := make(chan struct{}, 3)
	ec <- struct{}{}
	ec <- struct{}{}
	println(len(ec))
	ic := make(chan interface{}, 2)
	ic <- 1
	ic <- "two"
	println((<-ic).(int), (<-ic).(string))
}
