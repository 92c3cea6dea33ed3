package main

type T struct{}

func () M() {
}

func main() {
}
