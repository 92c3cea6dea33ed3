package main

func Pair[A, B any](a A, b B) (B, A) { return b, a }

func First[S ~[]E, E any](s S) E { return s[0] }

func Keys[M ~map[K]V, K comparable, V any](m M) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func Apply[T any](x T, fs ...func(T) T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

type Names []string
type Ages map[string]int

func main() {
	b, a := Pair(1, "one")
	println(b, a)
	println(First(Names{"x", "y"}))
	println(First([]float64{2.5}))
	println(Keys(Ages{"a": 1, "b": 2}))
	println(Apply(3, func(x int) int { return x * 2 }, func(x int) int { return x + 1 }))
	println(Apply("s"))
	var f func(int, bool) (bool, int) = Pair[int, bool]
	x, y := f(5, true)
	println(x, y)
}
