package main

func main() {
	var z float64
	nz := -z
	println("z:", z, "nz:", nz)
	println("z == nz:", z == nz)
	one := 1.0
	println("1/z:", one/z, "1/nz:", one/nz)
	println("z+nz:", z+nz, "nz+nz:", nz+nz, "nz-z:", nz-z)
	println("nz*-1:", nz*-1, "z*-1:", z*-1)
	neg := -1.0
	println("neg*z:", neg*z)
	var f32 float32 = float32(nz)
	println("f32:", f32, "1/f32:", 1/f32)
	x := -0.5
	println("int(-0.5):", int(x))
	// Multiplying a negative by zero keeps the sign.
	small := -1e-300
	tiny := small * 1e-300
	println("underflow:", tiny, "is zero:", tiny == 0, "1/tiny:", one/tiny)
	sum := 0.0
	for i := 0; i < 3; i++ {
		sum += nz
	}
	println("sum of -0 from +0:", sum)
	var m float64 = nz
	m += nz
	println("-0 + -0:", m)
}
