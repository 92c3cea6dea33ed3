package main

func main() {
	n := 7
	_ = n % 0
}
