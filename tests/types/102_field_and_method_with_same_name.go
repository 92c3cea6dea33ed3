package main

type node struct{ next *node }

func (n node) next() *node { return nil }

func main() {
}
