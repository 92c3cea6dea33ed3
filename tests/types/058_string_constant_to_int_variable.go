package main

func main() {
	var n int = "7"
	_ = n
}
