package main

type list[T any] struct{ items []T }

var l list

func main() {
}
