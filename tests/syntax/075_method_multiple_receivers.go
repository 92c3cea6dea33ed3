package main

type T struct{}

func (a, b T) M() {
}

func main() {
}
