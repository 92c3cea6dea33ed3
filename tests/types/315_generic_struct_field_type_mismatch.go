package main

type box[T any] struct{ v T }

func main() {
	_ = box[int]{v: "x"}
}
