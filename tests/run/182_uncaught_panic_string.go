package main

func main() {
	println("before")
	defer println("deferred runs before crash")
	panic("something bad happened")
}
