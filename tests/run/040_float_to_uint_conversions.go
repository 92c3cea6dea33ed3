package main

func main() {
	vals := []float64{0, 1, 1.5, 255, 256, 4294967295, 4294967296, 9223372036854775807, 9223372036854775808, 1.8e19}
	for _, v := range vals {
		println(v, uint64(v), uint32(v), uint(v))
	}
	var u uint64 = 1<<63 + 1<<11
	f := float64(u)
	println("float64(2^63+2^11):", f, uint64(f))
	var mx uint64 = 1<<64 - 1
	println("float64(maxuint64):", float64(mx), float32(mx))
	var u32 uint32 = 1<<32 - 1
	println("float32(maxuint32):", float32(u32), float64(u32))
	var i64 int64 = -1 << 63
	println("float64(minint64):", float64(i64))
	var odd uint64 = 1<<53 + 1
	println("2^53+1:", float64(odd), uint64(float64(odd)))
}
