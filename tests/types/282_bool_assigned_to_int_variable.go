package main

func main() {
	n := 1
	n = true
	_ = n
}
