package main

func main() {
	vals := []int64{0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, 65535, 65536, 1<<31 - 1, 1 << 31, -1 << 31, 1<<32 - 1, 1 << 32, -1 << 63, 1<<63 - 1}
	for _, v := range vals {
		println(v, int8(v), uint8(v), int16(v), uint16(v), int32(v), uint32(v), uint64(v), uintptr(v))
	}
	us := []uint64{0, 1, 1<<64 - 1, 1 << 63, 1<<63 + 5, 0xdeadbeefcafebabe}
	for _, u := range us {
		println(u, int8(u), uint8(u), int16(u), int32(u), int64(u), int(u))
	}
	var i8 int8 = -128
	println(-i8, i8-1, i8*i8, i8/-1, i8%-1)
	var i16 int16 = -32768
	println(-i16, i16-1, i16*i16, i16/-1, i16%-1)
	var i32 int32 = -2147483648
	println(-i32, i32-1, i32*i32, i32/-1, i32%-1)
	var u8 uint8 = 200
	println(u8+u8, u8*3, -u8, ^u8, u8<<1, u8>>1)
	var u16 uint16 = 60000
	println(u16+u16, u16*3, -u16, ^u16)
	var u32 uint32 = 4000000000
	println(u32+u32, u32*3, -u32, ^u32)
	var up uintptr = 0
	up--
	println(up, up+2)
	// sign extension chain
	var b byte = 0xff
	println(int8(b), int16(int8(b)), uint16(int8(b)), uint32(int16(int8(b))), uint64(int32(int8(b))))
	var r rune = -1
	println(uint32(r), uint8(r), int64(r))
}
