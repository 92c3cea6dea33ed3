package main

type list[T any] struct {
	next *list[list[T]]
}

func (l list[T]) walk() {
	var _ list[list[T]]
}

func main() {
	var l list[int]
	_ = l
}
