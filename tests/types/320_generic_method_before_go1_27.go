//go:build go1.26

package main

type box struct{ v any }

func (b box) get[T any]() T { return b.v.(T) }

func main() {
}
