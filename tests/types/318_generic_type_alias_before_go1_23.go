//go:build go1.22

package main

type set[T comparable] = map[T]struct{}

func main() {
	var s set[int]
	_ = s
}
