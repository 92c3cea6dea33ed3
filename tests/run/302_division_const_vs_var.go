package main

func div(a, b int) (int, int)         { return a / b, a % b }
func div8(a, b int8) (int8, int8)     { return a / b, a % b }
func divu(a, b uint32) (uint32, uint32) { return a / b, a % b }

func main() {
	for _, a := range []int{7, -7, 0, 1, -1, 100, -100, 1<<63 - 1, -1 << 63} {
		for _, b := range []int{1, -1, 2, -2, 3, -3, 7, -7, 16, -16} {
			q, r := div(a, b)
			print(q, " ", r, " ")
		}
		// constant divisors (strength-reduced in gc)
		println(a/3, a%3, a/-3, a%-3, a/16, a%16, a/-16, a%-16, a/7, a%7, a/1000000007, a%1000000007)
	}
	for _, a := range []int8{-128, -127, -1, 0, 1, 127} {
		q, r := div8(a, -1)
		q2, r2 := div8(a, 3)
		println(q, r, q2, r2, a/4, a%4, a/-128, a%-128)
	}
	for _, a := range []uint32{0, 1, 7, 1<<32 - 1, 1 << 31} {
		q, r := divu(a, 3)
		println(q, r, a/10, a%10, a/(1<<31), a%(1<<31), a/0xffffffff)
	}
	x := -9
	x /= 2
	y := -9
	y >>= 1
	z := -9
	z %= 4
	println(x, y, z)
}
