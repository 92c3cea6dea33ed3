package main

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func firstOver(limit int) (v int, found bool) {
	for x := range seq(100) {
		if x*x > limit {
			return x, true
		}
	}
	return -1, false
}

func sumUntil(stop string) (total int) {
	defer func() { total *= 10 }()
	for k, v := range pairs {
		if k == stop {
			return
		}
		total += v
	}
	return total + 1000
}

func nested() (s string, n int) {
	for i := range seq(3) {
		for j := range seq(3) {
			if i+j == 3 {
				s = "hit"
				n = i*10 + j
				return
			}
		}
	}
	return "miss", 0
}

func main() {
	println(firstOver(50))
	println(firstOver(100000))
	println(sumUntil("c"))
	println(sumUntil("zz"))
	println(nested())
}

type pt struct{ x, y int }

func structResult() (p pt, _ error) {
	for v := range seq(10) {
		p.x = v
		if v == 4 {
			p.y = -1
			return
		}
	}
	return pt{}, nil
}

func seenByIterator() (r int) {
	it := func(yield func(int) bool) {
		yield(1)
		println("iterator sees r =", r)
	}
	for range it {
		return 42
	}
	return 0
}

func blankResults() (_ int, s string) {
	for v := range seq(5) {
		if v == 3 {
			return v * 100, "three"
		}
	}
	return
}

func deferAndNamed() (r int) {
	defer func() { r++ }()
	for v := range seq(5) {
		defer func() { r += v * 10 }()
		if v == 2 {
			return 1000
		}
	}
	return -1
}

func init() {
	p, err := structResult()
	println(p.x, p.y, err == nil)
	println(seenByIterator())
	println(blankResults())
	println(deferAndNamed())
}
