package main

func div(a, b int) int {
	return a / b
}

func main() {
	println("before")
	println(div(10, 2))
	println(div(1, 0))
	println("not reached")
}
