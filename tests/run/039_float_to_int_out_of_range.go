package main

// Out-of-range float-to-integer conversions are implementation-specific;
// these are gc's results on amd64.
func main() {
	var z float64
	nan := z / z
	inf := 1 / z
	vals := []float64{1e20, -1e20, 9.3e18, -9.3e18, 3e9, -3e9, 300, -300, 70000, nan, inf, -inf}
	for _, v := range vals {
		println("value", v)
		println("  int64", int64(v), "int32", int32(v), "int16", int16(v), "int8", int8(v))
		println("  uint64", uint64(v), "uint32", uint32(v), "uint16", uint16(v), "uint8", uint8(v))
	}
	var f32 float32 = 1e10
	println("f32 1e10:", int32(f32), int64(f32), uint32(f32))
	f32 = -1
	println("f32 -1:", uint32(f32), uint64(f32), uint8(f32))
	big := 1.8446744073709552e19
	println("2^64:", uint64(big))
	half := 9.223372036854775808e18
	println("2^63:", uint64(half), int64(half))
}
