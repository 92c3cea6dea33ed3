package main

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func main() {
	var x uint64 = 0xF0F0F0F0F0F0F0F0
	println(popcount(x), popcount(0), popcount(18446744073709551615))
	a, b := 0b1100, 0b1010
	println(a&b, a|b, a^b, a&^b, ^a)
	var u uint8 = 0x0F
	println(^u, u<<4|u, u&^0x05)
	m := -1
	m ^= 0x7
	println(m)
}
