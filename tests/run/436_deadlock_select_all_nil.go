package main

func main() {
	var a chan int
	var b chan string
	println("waiting on nil channels only")
	select {
	case <-a:
	case b <- "x":
	}
}
