package main

var x int = 1 2

func main() {
	println(x)
}
