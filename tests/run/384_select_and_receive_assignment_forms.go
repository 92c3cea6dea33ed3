package main

type S struct {
	v  int
	ok bool
}

func idx(i int) int { println("index", i); return i }

func main() {
	c := make(chan int, 10)
	for i := 1; i <= 6; i++ {
		c <- i * 10
	}
	var v int
	var ok bool
	select {
	case v, ok = <-c:
		println("assign form", v, ok)
	}
	arr := make([]int, 3)
	select {
	case arr[idx(1)] = <-c:
		println("into slice", arr[1])
	}
	m := map[string]int{}
	var okm bool
	select {
	case m["k"], okm = <-c:
		println("into map", m["k"], okm)
	}
	var s S
	select {
	case s.v, s.ok = <-c:
		println("into fields", s.v, s.ok)
	}
	p := &S{}
	p.v, p.ok = <-c
	println("plain assign", p.v, p.ok)
	<-c
	println("discarded receive; len", len(c))
	close(c)
	v, ok = <-c
	println("after close", v, ok)
	chans := []chan string{make(chan string, 1), make(chan string, 1)}
	chans[1] <- "one"
	select {
	case x := <-chans[idx(0)]:
		println("zero", x)
	case x, more := <-chans[idx(1)]:
		println("one", x, more)
	}
	out := make(chan [2]int, 1)
	val := func() [2]int { println("send value evaluated"); return [2]int{7, 8} }
	select {
	case out <- val():
		println("sent", (<-out)[1])
	default:
		println("default")
	}
	var x interface{} = 5
	var n int
	n, ok = x.(int)
	println(n, ok)
	var str string
	str, ok = x.(string)
	println(str == "", ok)
	_, ok = m["missing"]
	println(ok)
	a, b, cc := 1, "two", 3.0
	a, b, cc = a+1, b+"!", cc*2
	println(a, b, cc)
	var arr2 [3]int
	i := 0
	i, arr2[i] = 2, 9
	println(i, arr2[0], arr2[2])
}
