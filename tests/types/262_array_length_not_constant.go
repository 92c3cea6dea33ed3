package main

func main() {
	n := 4
	var a [n]int
	_ = a
}
