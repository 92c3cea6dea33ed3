package main

type node struct {
	value int
	child node
}

func main() {
}
