package main

func main() {
	var f float32 = 0.1
	println(f, -f, f*f, float32(1)/3, float32(1e20), float32(1e-20), float32(123456789))
	var c complex64 = complex(f, -f)
	println(c, c*c, real(c), imag(c))
	var zero float32
	println(zero, -zero, 1/zero, -1/zero, zero/zero)
	var c2 complex64 = complex(zero/zero, 1/zero)
	println(c2)
	var c128 complex128 = complex(1.5, -2.25)
	println(c128, complex64(c128), complex128(c))
	var smallest float32 = 1.4e-45
	println(smallest, float32(3.4028235e38))
	print(f, c, "\n")
	var arr = [3]float32{1, 2.5, -0}
	for _, v := range arr {
		print(v, " ")
	}
	println()
}
