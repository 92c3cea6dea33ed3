package main

func main() {
	var n int = 1 < 2
	_ = n
}
