package main

//go:uintptrkeepalive
func f(p uintptr) {}

func main() {
	f(0)
}
