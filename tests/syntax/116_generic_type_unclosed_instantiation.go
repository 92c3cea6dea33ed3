package main

type Box[T any] struct{ v T }

var b Box[int

func main() {
}
