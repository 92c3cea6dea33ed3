package main

const limit = 10

func main() {
	_ = &limit
}
