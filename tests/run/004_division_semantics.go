package main

func div(a, b int) (int, int) {
	return a / b, a % b
}

func udiv(a, b uint) (uint, uint) {
	return a / b, a % b
}

func main() {
	println(div(7, 2))
	println(div(-7, 2))
	println(div(7, -2))
	println(div(-7, -2))
	println(udiv(7, 2))
	println(udiv(18446744073709551615, 10))
	var a int8 = -128
	var b int8 = -1
	println(a/b, a%b)
}
