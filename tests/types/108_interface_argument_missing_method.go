package main

type stringer interface{ String() string }

func show(s stringer) {}

type id int

func main() {
	show(id(3))
}
