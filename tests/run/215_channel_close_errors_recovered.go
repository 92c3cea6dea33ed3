package main

func try(name string, f func()) {
	defer func() {
		println(name+":", recover().(error).Error())
	}()
	f()
}

func main() {
	try("close nil", func() {
		var c chan int
		close(c)
	})
	try("close twice", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("send after close", func() {
		c := make(chan string, 1)
		close(c)
		c <- "x"
	})
	c := make(chan int)
	close(c)
	v, ok := <-c
	println("receive from closed ok:", v, ok)
}
