package main

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 0 }
}

func main() {
	next, reset := counter()
	println(next(), next(), next())
	reset()
	println(next())
	next2, _ := counter()
	println(next2(), next())
	x := 10
	add := func(d int) { x += d }
	add(5)
	add(-2)
	println(x)
	fs := make([]func() int, 0)
	for _, m := range []int{2, 3, 4} {
		fs = append(fs, func() int { return m * m })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
}
