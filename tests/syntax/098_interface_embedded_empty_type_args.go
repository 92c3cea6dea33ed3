package main

type E interface{}

type I interface {
	E[]
}

func main() {
}
