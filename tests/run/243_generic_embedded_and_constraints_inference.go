package main

type Number interface{ ~int | ~float64 }

type Vec[T Number] struct{ X, Y T }

func (v Vec[T]) Add(o Vec[T]) Vec[T] { return Vec[T]{v.X + o.X, v.Y + o.Y} }
func (v Vec[T]) Dot(o Vec[T]) T     { return v.X*o.X + v.Y*o.Y }

type Named[T Number] struct {
	Vec[T]
	Name string
}

func SumAll[T Number](vs ...Vec[T]) Vec[T] {
	var acc Vec[T]
	for _, v := range vs {
		acc = acc.Add(v)
	}
	return acc
}

type Grid int

func main() {
	a := Vec[int]{1, 2}
	b := Vec[int]{3, 4}
	println(a.Add(b).X, a.Add(b).Y, a.Dot(b))
	f := Vec[float64]{0.5, 1.5}
	println(f.Dot(f))
	n := Named[Grid]{Vec[Grid]{2, 3}, "g"}
	println(n.Name, n.X, n.Dot(n.Vec))
	s := SumAll(a, b, Vec[int]{10, 20})
	println(s.X, s.Y)
	e := SumAll[float64]()
	println(e.X, e.Y)
}
