package main

func id[T any](v T) T { return v }

func main() {
	n := 1
	_ = id[n](1)
}
