package main

func main() {
	for _, v := range []int64{1<<53 - 1, 1 << 53, 1<<53 + 1, 1<<53 + 2, 1<<53 + 3, -(1<<53 + 1), 1<<62 + 1<<9, 1<<62 + 1<<9 + 1} {
		f := float64(v)
		println(v, f, int64(f), int64(f) == v)
	}
	for _, v := range []int32{1<<24 + 1, 1<<24 + 3, -(1<<24 + 1), 2147483647} {
		f := float32(v)
		println(v, f, int64(f))
	}
	var u8 uint8 = 200
	var i8 int8 = -100
	println(float64(u8), float32(i8), float64(i8)/3)
}
