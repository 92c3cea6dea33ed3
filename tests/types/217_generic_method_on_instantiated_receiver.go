package main

type list[T any] struct{ items []T }

func (l list[int]) size() int { return len(l.items) }

func (l list[string]) first() string { return l.items[0] }

func main() {
}
