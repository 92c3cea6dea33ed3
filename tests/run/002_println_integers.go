package main

func main() {
	var a int8 = -128
	var b int16 = 32767
	var c int32 = -2147483648
	var d int64 = 9223372036854775807
	var e uint8 = 255
	var f uint16 = 65535
	var g uint32 = 4294967295
	var h uint64 = 18446744073709551615
	var i uint = 42
	var j uintptr = 7
	println(a, b, c, d)
	println(e, f, g, h, i, j)
	println(0, -1, 1, 1000000)
}
