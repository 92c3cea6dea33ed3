package main

func main() {
	//go:noinline
	x := 1
	println(x)
}
