package main

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Rect }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }
func (s Square) Name() string   { return "square" }

func total(shapes []Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}, Square{Rect{4, 4}}, &Rect{1, 1}}
	for _, s := range shapes {
		println(s.Name(), s.Area())
	}
	println("total:", total(shapes))
	var s Shape = Rect{1, 2}
	r := s.(Rect)
	r.W = 100
	println(s.Area(), r.Area())
	c := &Circle{2}
	s = c
	c.R = 3
	println(s.Area())
}
