package main

type T struct{ n int }

func (T) M(_ int, _ string, rest ...int) int { return len(rest) }

type V interface{ M(int, string, ...int) int }

func count(xs ...any) (int, bool) { return len(xs), xs == nil }

func mutate(xs ...int) {
	if len(xs) > 0 {
		xs[0] = 999
	}
}

func sum(base int, xs ...int) int {
	for _, x := range xs {
		base += x
	}
	return base
}

func forward(xs ...int) int { return sum(0, xs...) }

func apply(f func(...string) string, args ...string) string { return f(args...) }

func join(parts ...string) string {
	out := ""
	for _, p := range parts {
		out += p
	}
	return out
}

func main() {
	var v V = T{}
	println(v.M(1, "a"), v.M(1, "a", 2, 3), v.M(0, "", []int{4, 5, 6}...))
	println(count())
	println(count(nil))
	println(count(nil...))
	println(count(1, "a", nil))
	println(count([]any{1, 2}...))
	s := []int{1, 2, 3}
	mutate(s...)
	println(s[0])
	mutate(s[1:]...)
	println(s[1])
	mutate(7, 8)
	println(sum(1), sum(1, 2, 3), forward(), forward(s...))
	println(apply(join, "a", "b", "c"), apply(join))
	f := T{}.M
	println(f(0, "x", 1))
	g := T.M
	println(g(T{}, 0, "", 1, 2, 3, 4))
	var empty []int
	println(sum(5, empty...), forward(empty...))
	bs := append([]byte("ab"), "cd"...)
	println(string(bs))
}
