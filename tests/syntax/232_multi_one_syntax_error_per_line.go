package main

var a, b = 1 2; var c = 3 4

func main() {
	println(a, b, c)
}
