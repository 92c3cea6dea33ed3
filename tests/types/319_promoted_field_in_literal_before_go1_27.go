//go:build go1.26

package main

type base struct{ id int }

type user struct {
	base
	name string
}

func main() {
	_ = user{id: 1, name: "x"}
}
