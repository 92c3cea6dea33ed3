package main

type Base struct{}

type T struct {
	*(Base)
}

func main() {
}
