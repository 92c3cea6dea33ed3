package main

type Container interface {
	Len[T any]() int
}

func main() {
}
