package main

func main() {
	a := complex(1, 2)
	b := complex(3, -4)
	println("a:", a, "b:", b)
	println("a+b:", a+b)
	println("a-b:", a-b)
	println("a*b:", a*b)
	println("a/b:", a/b)
	println("-a:", -a)
	println("a==b:", a == b, "a==a:", a == a)
	c := a
	c *= c
	println("a*a:", c)
	i := complex(0, 1)
	println("i*i:", i*i)
	p := complex(1, 0)
	for k := 0; k < 4; k++ {
		p *= i
		println("i^", k+1, p)
	}
	var c64 complex64 = complex64(a)
	println("c64:", c64, c64*c64)
	z := 2i
	println("2i:", z, real(z), imag(z))
	println("const:", 1+2i)
}
