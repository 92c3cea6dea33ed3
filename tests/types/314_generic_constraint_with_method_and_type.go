package main

type intStringer interface {
	~int
	String() string
}

type plain int

func show[T intStringer](v T) {}

func main() {
	show(plain(1))
}
