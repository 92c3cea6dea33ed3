package main

func main() {
	n := 1
	clear(n)
}
