package main

func main() {
	x := 300
	println(int8(x), uint8(x), int16(x))
	y := -1
	println(uint8(y), uint16(y), uint32(y), uint64(y))
	var b int8 = -2
	println(int64(b), uint64(b), uint8(b), int32(b))
	var u uint8 = 254
	println(int8(u), int(u), uint64(u))
	big := int64(1) << 40
	println(int32(big), int32(big+5), uint32(big-1))
}
