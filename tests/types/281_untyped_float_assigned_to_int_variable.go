package main

func main() {
	n := 1
	n = 2.5
	_ = n
}
