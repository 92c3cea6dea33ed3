package main

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		<-a
		b <- 1
	}()
	println("started")
	<-b
	a <- 1
}
