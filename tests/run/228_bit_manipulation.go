package main

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func reverseBits(x uint8) uint8 {
	var r uint8
	for i := 0; i < 8; i++ {
		r = r<<1 | x&1
		x >>= 1
	}
	return r
}

func rotl(x uint32, k uint) uint32 { return x<<(k&31) | x>>((32-k)&31) }

func main() {
	println(popcount(0), popcount(0xff), popcount(1<<63|1), popcount(^uint64(0)))
	println(reverseBits(1), reverseBits(0xf0), reverseBits(0b10110000))
	println(rotl(0x80000001, 1), rotl(1, 31), rotl(0x12345678, 8), rotl(5, 0))
	var x int32 = -1
	println(x&0xff, x|0x100, x^0x0f, x&^0xf0)
	var y uint16 = 0xabcd
	println(y&^0x00ff, ^y, y>>4, y<<4)
	println(-5&3, -5|3, -5^3, -5&^3)
	a, b := 6, 3
	a ^= b
	b ^= a
	a ^= b
	println(a, b)
	var m uint8 = 0b1010_1010
	println(m, 0o17, 0x_ff, 1_000_000)
}
