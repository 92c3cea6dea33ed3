package main

func main() {
	var z float64
	nan := z / z
	nz := -z
	println(min(1.0, 2.0), max(1.0, 2.0))
	println(min(3, 1, 2), max(3, 1, 2))
	println("min with nan:", min(1, nan), max(nan, 1))
	println("min(0,-0):", min(z, nz), "max(-0,0):", max(nz, z))
	println("min(-0,0):", min(nz, z), "max(0,-0):", max(z, nz))
	inf := 1 / z
	println(min(inf, -inf), max(-inf, inf))
	println(min("b", "a", "c"), max("b", "a", "c"))
	var a, b int8 = -128, 127
	println(min(a, b), max(a, b))
	var u uint = 5
	println(min(u, 3), max(u, 9))
	println(min(2.5), max(7))
}
