package main

type wrapper[T any] struct {
	T
}

func main() {
}
