package main

func main() {
	var n int = 1.5
	_ = n
}
