package main

func fma(a, b, c float64) float64 { return a*b + c }

func main() {
	a, b := 1e16, 1.0
	println("(a+b)-a:", (a+b)-a)
	println("a+(b-a):", a+(b-a))
	x := 0.1
	sum := 0.0
	for i := 0; i < 10; i++ {
		sum += x
	}
	println("ten 0.1s:", sum, sum == 1.0)
	println("fma-ish:", fma(3, 1.0/3, -1))
	var q float64 = 7
	println("7/2:", q/2, "-7/2:", -q/2)
	r := 10.0
	for r > 1e-3 {
		r /= 7
	}
	println("r:", r)
	m := 1.0
	n := 0
	for m+1 != 1 {
		m /= 2
		n++
	}
	println("epsilon halvings:", n, m)
	var z float64
	println("0*-1:", z*-1)
	mod := 17.5
	for mod >= 4 {
		mod -= 4
	}
	println("17.5 mod 4:", mod)
}
