package main

func main() {
	var z float64
	nan := z / z
	inf := 1 / z
	c := complex(nan, 1)
	println("nan c:", c, c == c)
	d := complex(inf, -inf)
	println("inf c:", d)
	println("inf*0:", d*complex(z, 0))
	e := complex(-z, -z)
	println("negzero c:", e)
	one := complex(1, 0)
	println("1/(0+0i):", one/complex(z, z))
	m := map[complex128]int{}
	m[c] = 1
	m[c] = 2
	m[complex(1, 2)] = 3
	m[complex(1, 2)] = 4
	println("map len:", len(m))
	big := 1e300
	c64 := complex64(complex(big, 1))
	println("overflow c64:", c64)
}
