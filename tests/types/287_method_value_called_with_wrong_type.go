package main

type scale struct{}

func (scale) by(f float64) float64 { return f }

func main() {
	m := scale{}.by
	_ = m("x")
}
