package main

func main() {
	var zero float64
	nan := zero / zero
	inf := 1 / zero
	vals := []float64{nan, inf, -inf, 1e300, -1e300, 9.3e18, -9.3e18, 1.8e19, 4.3e9, -4.3e9, 2.5, -2.5, 0.999, -0.999, 1 << 63, -1 << 63}
	for _, v := range vals {
		println(v, int64(v), int32(v), int16(v), int8(v), int(v))
	}
	for _, v := range []float64{nan, inf, -inf, 1e300, -1, -0.5, 1.8e19, 1 << 63, 4.3e9, 300, 65537} {
		println(v, uint64(v), uint32(v), uint16(v), uint8(v), uintptr(v))
	}
	var f32s = []float32{float32(nan), float32(inf), 3e38, -3e38, 2147483520, 4294967040, 1e10}
	for _, v := range f32s {
		println(v, int64(v), int32(v), uint32(v), uint64(v))
	}
}
