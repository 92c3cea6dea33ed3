package main

func main() {
	var zero float64
	inf := 1 / zero
	nan := zero / zero
	cs := []complex128{complex(1, 1), complex(0, 0), complex(inf, 0), complex(0, inf), complex(nan, 0), complex(inf, nan), complex(1e308, 1e308), complex(1e-308, 1e-308), complex(-0.0, 0)}
	for _, a := range cs {
		for _, b := range cs {
			print(a/b, " ")
		}
		println()
	}
	var c64 complex64 = complex(1, 2)
	var d64 complex64 = complex(3, -4)
	println(c64/d64, c64*d64, c64+d64, c64-d64)
	var z64 complex64
	println(c64/z64, z64/z64)
	x := complex(3, 4)
	println(real(x*x), imag(x*x), x == complex(3, 4), x != complex(3, -4))
	println(complex(inf, inf)*complex(0, 1), complex(nan, 1)*complex(1, 0))
	var e complex128 = complex(1e200, 1e200)
	println(e*e, e/complex(1e-200, 1e-200))
}
