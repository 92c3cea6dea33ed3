package main

type record struct {
	id   int
	name string
	id   string
}

func main() {
}
