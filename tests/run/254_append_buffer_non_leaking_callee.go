package main

// A slice whose first append starts from empty gets gc's 32-byte frame
// buffer when it does not escape; passing it to functions of the package
// that do not leak their parameter keeps it from escaping.

type ints []int

func (s ints) total() int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

type pair struct{ a, b int }

func describe(name string, s []int) {
	println(name, s == nil, len(s), cap(s))
}

func sum(s []int) int {
	t := 0
	for i := range s {
		t += s[i]
	}
	if len(s) > 1 {
		rest := s[1:]
		t += len(rest) * 0
	}
	return t
}

func scale(s []int, k int) {
	for i := range s {
		s[i] *= k
	}
}

func relay(name string, s []int) {
	describe(name, s)
	println("sum", sum(s))
}

func bytesOf(b []byte) int { return len(b) + cap(b) }

func pairs(p []pair) int {
	n := 0
	for _, x := range p {
		n += x.a * x.b
	}
	return n
}

func main() {
	var a []int
	a = append(a, 1, 2)
	describe("direct", a)
	scale(a, 10)
	println(a[0], a[1])

	b := []int{}
	b = append(b, 3)
	relay("relayed", b)

	c := make([]int, 0)
	c = append(c, 4, 5, 6)
	println("method", ints(c).total(), len(c), cap(c))

	var d []int
	for i := 0; i < 6; i++ {
		d = append(d, i)
		describe("loop", d)
	}

	var bs []byte
	bs = append(bs, 'x')
	println("bytes", bytesOf(bs), len(bs), cap(bs))

	var ps []pair
	ps = append(ps, pair{2, 3})
	println("pairs", pairs(ps), len(ps), cap(ps))

	// The buffer is only taken where the append must grow.
	v := make([]int, 0, 2)
	v = append(v, 1)
	describe("made with room", v)
	w := make([]int, 0, 2)
	w = append(w, 1, 2, 3)
	describe("made too small", w)

	for i := 0; i < 2; i++ {
		var e []int
		e = append(e, i)
		describe("fresh per iteration", e)
	}
}
