package main

var x = setX()

func setX() int {
	println("var x")
	return 10
}

func init() {
	println("init 1, x =", x)
	x++
}

func init() {
	println("init 2, x =", x)
	x *= 2
}

func main() {
	println("main, x =", x)
}
