package main

func main() {
	x := 1
	_ = x @ 2
}
