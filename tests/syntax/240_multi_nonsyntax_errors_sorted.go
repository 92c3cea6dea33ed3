package main

func main() {
	//go:noinline
	x := 08
	_ = x @
	_ = "\q"
}
