package main

// Deep recursion in goroutines through every kind of call and result:
// many stack-passed arguments, float and multiple results, closures,
// interface methods, strings and slices. The frames that cross into new
// stack segments must see their arguments and give back their results.

type acc interface{ step(n int, s string, f float64) (int, string, float64) }

type impl struct{ k int }

func (x impl) step(n int, s string, f float64) (int, string, float64) {
	if n == 0 {
		return x.k, s, f
	}
	a, b, c := acc(x).step(n-1, s, f+0.5)
	return a + 1, b, c
}

func many(n, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 int, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10 float64) (int, float64, int, float64, int) {
	if n == 0 {
		return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10, f1 + f2 + f3 + f4 + f5 + f6 + f7 + f8 + f9 + f10, a10, f10, n
	}
	i, f, j, g, k := many(n-1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a1+1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f1+0.25)
	return i, f, j + 1, g, k + n
}

func build(n int, s []byte) []byte {
	if n == 0 {
		return s
	}
	return build(n-1, append(s, byte('a'+n%26)))
}

type pair struct {
	a, b int
	s    string
}

func structs(n int, p pair) pair {
	if n == 0 {
		return p
	}
	q := structs(n-1, pair{p.b, p.a + 1, p.s})
	q.a++
	return q
}

func main() {
	res := make(chan string)
	go func() {
		a, b, c := impl{7}.step(100000, "x", 0)
		println("interface:", a, b, c)
		res <- "ok"
	}()
	println(<-res)
	go func() {
		i, f, j, g, k := many(60000, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
		println("many:", i, f, j, g, k)
		res <- "ok"
	}()
	println(<-res)
	go func() {
		var rec func(n int) (int, float64)
		rec = func(n int) (int, float64) {
			if n == 0 {
				return 0, 0
			}
			x, y := rec(n - 1)
			return x + n, y + 0.5
		}
		x, y := rec(200000)
		println("closure:", x, y)
		res <- "ok"
	}()
	println(<-res)
	go func() {
		s := build(150000, nil)
		println("slice:", len(s), string(s[:10]), string(s[len(s)-10:]))
		p := structs(120000, pair{1, 2, "s"})
		println("struct:", p.a, p.b, p.s)
		res <- "ok"
	}()
	println(<-res)
}
