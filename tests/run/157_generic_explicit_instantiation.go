package main

func Convert[To, From ~int | ~float64 | ~int32](x From) To {
	return To(x)
}

func Make[T any](n int, v T) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = v
	}
	return s
}

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func main() {
	println(Convert[int](3.99), Convert[float64](int32(7)), Convert[int32, float64](-2.5))
	conv := Convert[float64, int]
	println(conv(9))
	s := Make[string](3, "x")
	println(len(s), s[2])
	b := Make(2, true)
	println(b[0], b[1])
	t := &Tree[string]{Val: "m", Left: &Tree[string]{Val: "a"}, Right: &Tree[string]{Val: "z"}}
	t.Walk(func(s string) { print(s) })
	println()
}
