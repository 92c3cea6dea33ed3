package main

func apply[T any](v T, f func(T) T) T { return f(v) }

func main() {
	g := apply
	_ = g
}
