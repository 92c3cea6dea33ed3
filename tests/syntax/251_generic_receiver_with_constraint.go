package main

type List[T any] []T

func (l List[T any]) Len() int {
	return len(l)
}

func main() {
}
