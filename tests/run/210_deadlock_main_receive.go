package main

func main() {
	println("waiting forever")
	ch := make(chan int)
	<-ch
}
