package main

func main() {
	x, y : = 1, 2
	println(x, y)
}
