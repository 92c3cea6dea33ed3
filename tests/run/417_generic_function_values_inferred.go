package main

func Id[T any](x T) T { return x }

func Double[T ~int | ~float64](x T) T { return x * 2 }

func Pair[A, B any](a A, b B) (A, B) { return a, b }

func apply(f func(int) int, x int) int { return f(x) }

func applyF(f func(float64) float64, x float64) float64 { return f(x) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

type MyInt int

func main() {
	var f func(int) int = Id
	var g func(string) string = Id
	println(f(3), g("s"))
	println(apply(Id, 4), apply(Double, 5), applyF(Double, 1.25))
	h := Id[MyInt]
	println(h(6))
	p := Pair[int, string]
	a, b := p(1, "one")
	println(a, b)
	c, d := Pair[bool](true, 2.5)
	println(c, d)
	strs := Map([]int{1, 2, 3}, Id[int])
	println(strs[2])
	dbl := Map([]float64{1, 2}, Double[float64])
	println(dbl[1])
	var fs []func(int) int
	fs = append(fs, Id[int], Double[int], Id[int])
	fs[0] = Id
	t := 1
	for _, fn := range fs {
		t = fn(t) + 1
	}
	println(t)
	m := map[string]func(MyInt) MyInt{"id": Id, "dbl": Double}
	println(m["id"](7), m["dbl"](7))
	println(Map[string, int]([]string{"ab", "c"}, func(s string) int { return len(s) })[0])
}
