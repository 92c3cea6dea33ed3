package main

func main() {
	var a8 int8 = -86
	var b8 int8 = 0x0f
	println(a8&b8, a8|b8, a8^b8, a8&^b8, ^a8, -a8, a8>>3, a8<<3)
	var u8 uint8 = 0xaa
	println(u8&^0x0f, ^u8, u8>>7, u8<<7, -u8)
	var a16 int16 = -21846
	println(a16&^0x00ff, ^a16, a16>>15, a16<<15)
	var a32 int32 = -1431655766
	println(a32&^0x0000ffff, ^a32, a32>>31, a32<<31, a32>>16)
	var u32 uint32 = 0xdeadbeef
	println(u32&^0xffff0000, ^u32, u32>>31, u32<<4, u32>>4)
	var a64 int64 = -0x5555555555555556
	println(a64&^0xff, ^a64, a64>>63, a64<<63, a64>>32)
	var u64 uint64 = 0xfedcba9876543210
	println(u64&^0xf0f0f0f0f0f0f0f0, ^u64, u64>>60, u64<<60, u64^u64>>1)
	x := 0
	x |= 1 << 10
	x ^= 0xff
	x &^= 0x0f
	x <<= 2
	x >>= 1
	println(x)
	// popcount the slow way, all widths
	vals := []uint64{0, 1, 0xff, 0xdeadbeef, 1<<64 - 1}
	for _, v := range vals {
		c := 0
		for t := v; t != 0; t &= t - 1 {
			c++
		}
		print(c, " ")
	}
	println()
	var s uint = 70
	println(uint64(1)<<s, int64(-1)>>s, uint32(0xffffffff)>>(s-40), int8(-128)>>(s-63))
}
