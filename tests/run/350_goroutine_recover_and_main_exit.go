package main

func safeDiv(a, b int, out chan<- string) {
	defer func() {
		if r := recover(); r != nil {
			out <- "recovered: " + r.(error).Error()
		}
	}()
	out <- string(rune('0' + a/b))
}

func nested(out chan<- string) {
	defer func() {
		r := recover()
		out <- "outer got: " + r.(string)
	}()
	func() {
		defer func() {
			r := recover()
			panic(r.(string) + " again")
		}()
		panic("first")
	}()
}

func main() {
	out := make(chan string)
	go safeDiv(8, 2, out)
	println(<-out)
	go safeDiv(1, 0, out)
	println(<-out)
	go nested(out)
	println(<-out)
	results := make(chan int, 10)
	for i := 0; i < 10; i++ {
		go func(n int) {
			defer func() {
				if recover() != nil {
					results <- -1
				}
			}()
			arr := []int{1, 2, 3}
			results <- arr[n%5]
		}(i)
	}
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-results
	}
	println("sum", sum)
	go func() {
		select {}
	}()
	println("main exits while a goroutine blocks forever")
}
