package main

type box struct{ v any }

func (b box) get[T any]() T { return b.v.(T) }

func main() {
	var b box
	_ = b.get[int, string]()
}
