package main

func main() {
	var x any
	s := []int{}
	_ = x == s
}
