package main

func makeFib() func(int) int {
	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		v := fib(n-1) + fib(n-2)
		memo[n] = v
		return v
	}
	return fib
}

func counterPair() (func() int, func() int) {
	n := 0
	return func() int { n++; return n }, func() int { n--; return n }
}

func compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

func main() {
	fib := makeFib()
	println(fib(90), fib(50))
	inc, dec := counterPair()
	inc()
	inc()
	inc()
	println(dec(), inc())
	var isEven, isOdd func(int) bool
	isEven = func(n int) bool {
		if n == 0 {
			return true
		}
		return isOdd(n - 1)
	}
	isOdd = func(n int) bool {
		if n == 0 {
			return false
		}
		return isEven(n - 1)
	}
	println(isEven(10), isOdd(7), isEven(7))
	h := compose(func(i int) string { return string(rune('a' + i)) }, func(s string) []string { return []string{s, s} })
	r := h(3)
	println(len(r), r[0]+r[1])
	arr := [3]int{1, 2, 3}
	byRef := func() { arr[0] = 100 }
	cp := arr
	byVal := func() int { return cp[0] }
	byRef()
	println(arr[0], byVal())
	adders := make([]func(int) int, 0)
	for _, k := range []int{1, 10, 100} {
		adders = append(adders, func(x int) int { return x + k })
	}
	t := 0
	for _, a := range adders {
		t = a(t)
	}
	println(t)
	acc := func() func(int) int {
		sum := 0
		return func(x int) int {
			sum += x
			return sum
		}
	}()
	for i := 1; i <= 10; i++ {
		acc(i)
	}
	println(acc(0))
	deep := func(a int) func(int) func(int) int {
		return func(b int) func(int) int {
			return func(c int) int { return a*100 + b*10 + c }
		}
	}
	println(deep(1)(2)(3))
}
