package main

// go1.27: struct literal keys may name promoted fields (through embedded
// structs, at any depth), mixed with the embedded fields' siblings.

type Point struct {
	X, Y int
}

type Named struct {
	Name string
	Point
}

type Shape struct {
	Named
	Sides int
	tag   string
}

type Pair[T any] struct {
	First, Second T
}

type Labelled[T any] struct {
	Pair[T]
	Label string
}

func main() {
	p := Named{Name: "origin", X: 0, Y: 0}
	println(p.Name, p.X, p.Y)
	s := Shape{Name: "square", X: 3, Sides: 4, Y: 7, tag: "t"}
	println(s.Name, s.X, s.Y, s.Sides, s.tag)
	q := &Shape{Y: -1}
	println(q.Name == "", q.X, q.Y, q.Sides)
	l := Labelled[string]{First: "a", Second: "b", Label: "ab"}
	println(l.First, l.Second, l.Label)
	arr := []Named{{Name: "a", X: 1}, {Y: 2}}
	for _, n := range arr {
		println(n.Name, n.X, n.Y)
	}
	m := map[string]Shape{"tri": {Sides: 3, X: 9}}
	println(m["tri"].Sides, m["tri"].X)
}
