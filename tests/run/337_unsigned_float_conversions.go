package main

func main() {
	us := []uint64{0, 1, 1<<53 - 1, 1 << 53, 1<<53 + 1, 1<<63 - 1, 1 << 63, 1<<63 + 1, 1<<63 + 1025, 1<<64 - 1, 1<<64 - 1024, 1<<64 - 2048, 0x8000000000000401}
	for _, u := range us {
		f := float64(u)
		g := float32(u)
		println(u, f, g, uint64(f) == u, uint64(g))
	}
	fs := []float64{9.223372036854775807e18, 9.223372036854776e18, 1.8446744073709550e19, 1.8446744073709552e19 - 4096, 1e19, 0.5, 1.5, 4294967295.9, 4294967296}
	for _, f := range fs {
		println(f, uint64(f), uint32(f), int64(f))
	}
	u32s := []uint32{0, 1<<24 + 1, 1<<31 + 1, 1<<32 - 1}
	for _, u := range u32s {
		println(u, float32(u), float64(u))
	}
	var i64s = []int64{-1 << 63, -1<<53 - 1, 1<<53 + 1, -(1<<24 + 1)}
	for _, i := range i64s {
		println(i, float64(i), float32(i))
	}
	var up uintptr = 1<<64 - 1
	println(float64(up))
}
