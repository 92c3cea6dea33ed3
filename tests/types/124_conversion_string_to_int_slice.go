package main

func main() {
	_ = []int("abc")
}
