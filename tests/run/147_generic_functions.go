package main

func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func Filter[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

func main() {
	nums := []int{1, 2, 3, 4, 5}
	strs := Map(nums, func(n int) string { return string(rune('a' + n)) })
	for _, s := range strs {
		print(s)
	}
	println()
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	println(len(evens), evens[0], evens[1])
	total := Reduce(nums, 0.5, func(a float64, n int) float64 { return a + float64(n) })
	println(total)
	joined := Reduce(strs, "", func(a string, s string) string { return a + s + "," })
	println(joined)
	lens := Map([]string{"go", "rust", ""}, func(s string) int { return len(s) })
	println(lens[0], lens[1], lens[2])
}
