package main

func abs2(c complex128) float64 { return real(c)*real(c) + imag(c)*imag(c) }

func main() {
	var x, y float64 = 1.5, -2.5
	c := complex(x, y)
	println(real(c), imag(c), abs2(c))
	var f32a, f32b float32 = 0.5, 0.25
	c64 := complex(f32a, f32b)
	println(real(c64), imag(c64))
	conj := complex(real(c), -imag(c))
	println("c*conj:", c*conj)
	var zero complex128
	println("zero:", zero, zero == 0)
	// Roots of unity by repeated multiplication.
	w := complex(0.5, 0.8660254037844386)
	acc := complex(1, 0)
	for i := 0; i < 6; i++ {
		acc *= w
	}
	println("w^6 close to 1:", real(acc) > 0.999999 && real(acc) < 1.000001, imag(acc) < 1e-9 && imag(acc) > -1e-9)
	arr := [3]complex128{1, 1i, -1}
	s := complex128(0)
	for _, v := range arr {
		s += v
	}
	println("sum:", s)
	println("c128 from c64:", complex128(c64))
}
