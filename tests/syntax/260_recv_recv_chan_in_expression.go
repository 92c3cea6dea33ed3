package main

func main() {
	c := make(<-<-chan int)
	_ = c
}
