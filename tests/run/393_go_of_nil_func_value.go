package main

func main() {
	defer println("deferred calls do not run after a fatal error")
	defer func() {
		println("not recovered:", recover() != nil)
	}()
	var withArgs func(int)
	var withResult func() int
	_ = withArgs
	_ = withResult
	ok := make(chan bool, 1)
	ok <- true
	<-ok
	println("before")
	var f func()
	go f()
	println("never printed")
}
