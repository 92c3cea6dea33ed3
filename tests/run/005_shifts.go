package main

func shl(x int, n uint) int  { return x << n }
func shr(x int, n uint) int  { return x >> n }
func ushr(x uint, n int) uint { return x >> n }

func main() {
	println(shl(1, 0), shl(1, 10), shl(1, 63), shl(1, 64), shl(1, 200))
	println(shr(-8, 1), shr(-8, 63), shr(-8, 64), shr(8, 64))
	println(ushr(18446744073709551615, 60), ushr(1, 64))
	var b uint8 = 0x81
	println(b<<1, b>>7, b<<8)
	var s int16 = -32768
	println(s>>15, s>>100, s<<1)
}
