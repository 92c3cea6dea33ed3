package main

func producer(n int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i * i
		}
		close(ch)
	}()
	return ch
}

func main() {
	for v := range producer(6) {
		print(v, " ")
	}
	println()
	total := 0
	for v := range producer(100) {
		total += v
	}
	println(total)
	buf := make(chan string, 10)
	buf <- "x"
	buf <- "y"
	close(buf)
	for s := range buf {
		print(s)
	}
	println()
	n := 0
	for range producer(7) {
		n++
	}
	println(n)
}
