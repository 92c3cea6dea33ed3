package main

func main() {
	n := 1 + _
	_ = n
}
