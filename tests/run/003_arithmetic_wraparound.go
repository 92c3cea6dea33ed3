package main

func main() {
	var x int8 = 127
	x++
	println(x)
	var y uint8 = 0
	y--
	println(y)
	var z int64 = 9223372036854775807
	z += 1
	println(z)
	var m int32 = 65536
	println(m * m)
	var u uint16 = 300
	println(u*u, u*u*u)
	n := -9223372036854775807 - 1
	println(-n, n-1)
}
