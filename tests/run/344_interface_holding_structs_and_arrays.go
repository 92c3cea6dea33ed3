package main

type Pt struct{ X, Y int }

type Shape interface {
	Area() int
}

type Rect struct {
	Min, Max Pt
	name     string
}

func (r Rect) Area() int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

type Grid [3][3]int8

func (g Grid) Area() int {
	n := 0
	for _, row := range g {
		for _, c := range row {
			n += int(c)
		}
	}
	return n
}

type Small struct{ b byte }

func (s Small) Area() int { return int(s.b) }

type Ptr struct{ p *int }

func (p Ptr) Area() int { return *p.p }

func main() {
	shapes := []Shape{Rect{Pt{0, 0}, Pt{3, 4}, "r"}, Grid{{1, 1, 1}, {1, 1, 1}, {1, 1, 9}}, Small{7}}
	v := 5
	shapes = append(shapes, Ptr{&v})
	for _, s := range shapes {
		print(s.Area(), " ")
	}
	println()
	v = 6
	println(shapes[3].Area())
	r := Rect{Pt{1, 1}, Pt{2, 2}, "x"}
	var s Shape = r
	r.Max = Pt{10, 10}
	println(s.Area(), r.Area())
	var e interface{} = Grid{}
	g := e.(Grid)
	g[0][0] = 5
	println(e.(Grid)[0][0], g[0][0])
	println(s == Shape(Rect{Pt{1, 1}, Pt{2, 2}, "x"}), s == Shape(Rect{Pt{1, 1}, Pt{2, 2}, "y"}))
	println(e == interface{}(Grid{}), e != interface{}(Small{}))
	m := map[Shape]string{}
	m[Small{1}] = "small1"
	m[Rect{}] = "rect0"
	m[Grid{}] = "grid0"
	println(len(m), m[Small{1}], m[Rect{}], m[Small{2}] == "")
	sw := func(x interface{}) string {
		switch v := x.(type) {
		case Rect:
			return "rect " + v.name
		case Grid, Small:
			return "grid or small"
		case Shape:
			return "other shape"
		}
		return "?"
	}
	println(sw(r), sw(Grid{}), sw(Small{}), sw(Ptr{}), sw(1))
}
