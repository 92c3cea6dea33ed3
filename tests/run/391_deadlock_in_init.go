package main

var ready = make(chan bool)

func init() {
	println("init waits")
	go func() {
		println("helper runs but never sends")
	}()
	<-ready
}

func main() {
	println("never")
}
