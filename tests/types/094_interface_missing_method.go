package main

type shape interface {
	area() float64
	perimeter() float64
}

type square struct{ side float64 }

func (s square) area() float64 { return s.side * s.side }

func main() {
	var s shape = square{2}
	_ = s
}
