package main

type Shape interface {
	func Area() float64
}

func main() {
}
