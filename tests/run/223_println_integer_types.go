package main

func main() {
	var i8 int8 = -128
	var i16 int16 = -32768
	var i32 int32 = -2147483648
	var i64 int64 = -9223372036854775808
	var u8 uint8 = 255
	var u16 uint16 = 65535
	var u32 uint32 = 4294967295
	var u64 uint64 = 18446744073709551615
	var up uintptr = 0xdeadbeef
	var r rune = 'Z'
	var b byte = 'z'
	println(i8, i16, i32, i64)
	println(u8, u16, u32, u64)
	println(up, r, b)
	print(i8, i16, "\n")
	print(u8, " ", u64, "\n")
	var i int = 0
	var u uint = 0
	println(i, u, -i)
}
