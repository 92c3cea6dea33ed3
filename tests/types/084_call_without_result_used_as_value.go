package main

func work() {}

func main() {
	x := work()
	_ = x
}
