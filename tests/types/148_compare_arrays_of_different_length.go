package main

func main() {
	a := [2]int{}
	b := [3]int{}
	_ = a == b
}
