package main

type Stringer interface{ String() string }

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return "Color?"
}

type Pair struct {
	A, B Stringer
}

func (p Pair) String() string { return "(" + p.A.String() + ", " + p.B.String() + ")" }

func show(xs ...interface{}) {
	for _, x := range xs {
		if s, ok := x.(Stringer); ok {
			print(s.String(), " ")
		} else {
			print("? ")
		}
	}
	println()
}

func main() {
	show(Red, Blue, Color(7), 3, "x", Pair{Green, Pair{Red, Blue}})
	var s Stringer = Blue
	println(s.String())
}
