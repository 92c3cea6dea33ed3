package main

//go:systemstack
func f() {}

func main() {
	f()
}
