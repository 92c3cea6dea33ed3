package main

type box[T any] struct{ v T }

func (b box[T]) get() T {
	tmp := b.v
	return b.v
}

func main() {
}
