package main

func Counter[T ~int | ~int64]() (func() T, func(T)) {
	var c T
	return func() T { c++; return c }, func(v T) { c = v }
}

func Memo[K comparable, V any](f func(K) V) func(K) V {
	cache := map[K]V{}
	calls := 0
	return func(k K) V {
		if v, ok := cache[k]; ok {
			return v
		}
		calls++
		v := f(k)
		cache[k] = v
		return v
	}
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type MyInt int64

func main() {
	next, set := Counter[MyInt]()
	next()
	next()
	set(100)
	println(next())
	n := 0
	sq := Memo(func(x int) int { n++; return x * x })
	println(sq(4), sq(4), sq(5), n)
	strlen := Memo(func(s string) [2]int { return [2]int{len(s), len(s) * 2} })
	println(strlen("abc")[1])
	evens := Filter([]int{1, 2, 3, 4, 5, 6}, func(x int) bool { return x%2 == 0 })
	println(len(evens), evens[2])
	words := Filter([]string{"a", "bb", "ccc"}, func(s string) bool { return len(s) > 1 })
	println(len(words), words[0])
	total := Reduce([]int{1, 2, 3, 4}, 0.5, func(a float64, x int) float64 { return a + float64(x) })
	println(total)
	joined := Reduce([]string{"x", "y", "z"}, "", func(a string, s string) string { return a + s })
	println(joined)
	fs := Reduce([]int{1, 2, 3}, []func() int{}, func(a []func() int, x int) []func() int {
		return append(a, func() int { return x * 10 })
	})
	println(fs[0](), fs[2]())
}
