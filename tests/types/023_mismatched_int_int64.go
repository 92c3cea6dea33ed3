package main

func main() {
	var a int = 1
	var b int64 = 2
	_ = a * b
}
