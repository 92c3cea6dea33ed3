package main

func main() {
	x := 1e1000
	_ = x
}
