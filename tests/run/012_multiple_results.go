package main

func swap(a, b int) (int, int) { return b, a }

func minmax(a, b, c int) (int, int) {
	lo, hi := a, a
	if b < lo {
		lo = b
	}
	if c < lo {
		lo = c
	}
	if b > hi {
		hi = b
	}
	if c > hi {
		hi = c
	}
	return lo, hi
}

func sum3(a, b, c int) int { return a + b + c }

func three() (int, int, int) { return 1, 2, 3 }

func main() {
	x, y := swap(1, 2)
	println(x, y)
	x, y = y, x
	println(x, y)
	println(minmax(5, -3, 9))
	println(sum3(three()))
	_, z := swap(8, 9)
	println(z)
}
