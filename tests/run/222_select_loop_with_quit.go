package main

func fibGen(c chan<- int, quit <-chan bool) {
	x, y := 0, 1
	for {
		select {
		case c <- x:
			x, y = y, x+y
		case <-quit:
			println("quit received")
			c <- -1
			return
		}
	}
}

func main() {
	c := make(chan int)
	quit := make(chan bool)
	go fibGen(c, quit)
	for i := 0; i < 10; i++ {
		print(<-c, " ")
	}
	println()
	quit <- true
	println(<-c)
}
