package main

type Point struct {
	X, Y
}

func main() {
}
