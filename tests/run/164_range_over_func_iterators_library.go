package main

type Seq[V any] func(yield func(V) bool)

func FromSlice[V any](s []V) Seq[V] {
	return func(yield func(V) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func Filter[V any](s Seq[V], keep func(V) bool) Seq[V] {
	return func(yield func(V) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Map[V, W any](s Seq[V], f func(V) W) Seq[W] {
	return func(yield func(W) bool) {
		for v := range s {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Take[V any](s Seq[V], n int) Seq[V] {
	return func(yield func(V) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range s {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Naturals(yield func(int) bool) {
	for i := 0; ; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	evSq := Map(Filter(Seq[int](Naturals), func(n int) bool { return n%2 == 0 }), func(n int) int { return n * n })
	for v := range Take(evSq, 5) {
		print(v, " ")
	}
	println()
	words := FromSlice([]string{"go", "is", "fun", "and", "fast"})
	for w := range Filter(words, func(s string) bool { return len(s) > 2 }) {
		print(w, " ")
	}
	println()
}
