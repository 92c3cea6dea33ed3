package main

type A struct{ X, Y int }

func (A) Who() string  { return "A" }
func (A) OnlyA() string { return "onlyA" }

type B struct{ X int }

func (B) Who() string { return "B" }

type C struct {
	A
	*B
	Y string
}

func (C) Who() string { return "C" }

type D struct {
	C
	X float64
}

type E struct {
	A
	B
}

func main() {
	c := C{A{1, 2}, &B{3}, "cy"}
	println(c.Who(), c.A.Who(), c.B.Who(), c.OnlyA(), c.Y, c.A.Y, c.A.X, c.B.X)
	d := D{c, 4.5}
	println(d.Who(), d.X, d.C.A.X, d.Y, d.OnlyA())
	var e E
	e.A.X = 7
	e.B.X = 8
	println(e.A.X, e.B.X, e.OnlyA(), e.A.Who(), e.B.Who())
	type W interface{ Who() string }
	ws := []W{c, d, &c, e.A, e.B}
	for _, w := range ws {
		print(w.Who(), " ")
	}
	println()
	var dn D
	defer func() { println("recovered:", recover().(error).Error()) }()
	println(dn.Who(), dn.A.X)
	println(dn.B.X)
}
