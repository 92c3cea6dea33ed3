package main

func main() {
	println("x")
	//go:noinline
}
