package main

func shift(x, n int) int {
	return x << n
}

func main() {
	println(shift(1, 3))
	println(shift(1, -1))
}
