package main

func main() {
	var f32 float32 = 3.14159
	var f64 float64 = 3.14159
	println(f32, f64)
	println(float32(1)/3, 1.0/3)
	println(1e6, 1e20, 1e21, 123456.7, 0.001, 1e-5)
	var small float32 = 1e-7
	println(small, float64(small))
	var big float32 = 1e38
	println(big)
	var z float64
	println(z, -z, 1/z, -1/z, z/z)
	var c64 complex64 = complex(1.5, -2)
	var c128 complex128 = complex(1e100, 1e-100)
	println(c64, c128)
	println(complex(z, -z), complex(1/z, z/z))
	print(1.25, 2.5i, "\n")
}
