package main

func main() {
	n := 1
	var m n
	_ = m
}
