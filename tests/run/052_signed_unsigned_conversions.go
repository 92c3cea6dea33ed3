package main

func main() {
	var a int64 = -1
	println(uint64(a), uint32(a), uint16(a), uint8(a))
	var b int32 = -129
	println(int8(b), uint8(b), int16(b), uint64(b))
	var c uint64 = 0xdeadbeefcafebabe
	println(int64(c), int32(c), int16(c), int8(c), uint32(c))
	var d uint8 = 0x80
	println(int8(d), int64(int8(d)), int64(d))
	var e int16 = -1
	println(uint32(uint16(e)), uint32(e))
	var r rune = -1
	println(uint32(r), byte(r))
	var up uintptr = 12345
	println(int(up), uint8(up))
	var i int = -7
	println(uint(i)%10, i%3, -i%3, i/2)
}
