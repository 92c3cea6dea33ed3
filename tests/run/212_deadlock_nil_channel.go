package main

func main() {
	var ch chan int
	println("sending on nil channel")
	ch <- 1
}
