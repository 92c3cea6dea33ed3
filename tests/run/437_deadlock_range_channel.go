package main

func main() {
	c := make(chan int, 2)
	c <- 1
	c <- 2
	go func() {
		var never chan bool
		never <- true
	}()
	for v := range c {
		println(v)
	}
}
