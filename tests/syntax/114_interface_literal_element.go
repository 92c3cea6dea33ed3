package main

type I interface {
	42
}

func main() {
}
