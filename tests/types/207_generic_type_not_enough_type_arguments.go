package main

type pair[K comparable, V any] struct {
	k K
	v V
}

func main() {
	var p pair[string]
	_ = p
}
