package main

func main() {
	ch := make(chan int, 1)
	ch <- 1
	close(ch)
	println(<-ch)
	ch <- 2
}
