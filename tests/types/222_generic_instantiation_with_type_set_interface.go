package main

type ints interface{ ~int }

func f[T any]() {}

func main() {
	f[ints]()
}
