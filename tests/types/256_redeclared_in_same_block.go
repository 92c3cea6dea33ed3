package main

func main() {
	n := 1
	var n int
	_ = n
}
