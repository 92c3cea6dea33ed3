package main

type Pt struct{ X, Y int16 }

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func Eq[T comparable](a, b T) bool { return a == b }

func Swap[T any](a, b *T) { *a, *b = *b, *a }

func Last[T any](xs ...T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[len(xs)-1], true
}

func Count[T comparable](xs []T, v T) int {
	n := 0
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return n
}

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return "int"
	case string:
		return "string:" + x
	case Pt:
		return "Pt"
	case [2]Pt:
		return "[2]Pt"
	case Shape:
		return "Shape"
	case nil:
		return "nil"
	default:
		return "other"
	}
}

func main() {
	println(Eq(1, 1), Eq("a", "b"), Eq(Pt{1, 2}, Pt{1, 2}), Eq([2]Pt{{1, 1}}, [2]Pt{{1, 1}}), Eq[any](1, 1), Eq[any](1, "1"), Eq[Shape](Sq{2}, Sq{2}))
	a, b := Pt{1, 2}, Pt{3, 4}
	Swap(&a, &b)
	println(a.X, b.X)
	s1, s2 := "x", "y"
	Swap(&s1, &s2)
	println(s1, s2)
	x1, x2 := [3]float64{1}, [3]float64{2}
	Swap(&x1, &x2)
	println(x1[0], x2[0])
	var i1, i2 Shape = Sq{1}, Sq{3}
	Swap(&i1, &i2)
	println(i1.Area(), i2.Area())
	v, ok := Last[Pt]()
	println(v.X, ok)
	w, ok := Last(Pt{5, 6}, Pt{7, 8})
	println(w.Y, ok)
	sh, ok := Last[Shape](Sq{1}, Sq{4})
	println(sh.Area(), ok)
	println(Count([]Pt{{1, 1}, {2, 2}, {1, 1}}, Pt{1, 1}), Count([]any{1, "a", 1, 1.0}, any(1)), Count([]float64{0, -0.0, 1}, 0))
	println(Describe(1), Describe("s"), Describe(Pt{}), Describe([2]Pt{}), Describe(Sq{}), Describe[Shape](nil), Describe(1.5), Describe[any](nil))
	var bigs [][100]int
	bigs = append(bigs, [100]int{99: 1})
	l, _ := Last(bigs...)
	println(l[99])
}
