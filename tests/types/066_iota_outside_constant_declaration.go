package main

func main() {
	n := iota
	_ = n
}
