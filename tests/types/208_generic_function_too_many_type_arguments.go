package main

func id[T any](v T) T { return v }

func main() {
	_ = id[int, string](1)
}
