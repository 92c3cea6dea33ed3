package main

func main() {
	var a uint64 = 18446744073709551615
	var b uint64 = 2
	println(a/b, a%b, a*b, a+b)
	println(a > b, b > a, a >= a)
	var c uint32 = 4000000000
	println(c+c, c/3, c%7)
	var d uint8 = 200
	var e uint8 = 100
	println(d+e, d-e, e-d, d*e)
}
