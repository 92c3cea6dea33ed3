package main

type T struct {
	+Base
}

func main() {
}
