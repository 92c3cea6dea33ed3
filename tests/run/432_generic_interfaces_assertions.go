package main

type Getter[T any] interface{ Get() T }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

type IntBox int

func (i IntBox) Get() int { return int(i) * 2 }

func Extract[T any](xs []any) []T {
	var out []T
	for _, x := range xs {
		if g, ok := x.(Getter[T]); ok {
			out = append(out, g.Get())
		}
	}
	return out
}

func Sum[G Getter[int]](gs ...G) int {
	t := 0
	for _, g := range gs {
		t += g.Get()
	}
	return t
}

func main() {
	xs := []any{Box[int]{1}, Box[string]{"s"}, IntBox(5), Box[float64]{2.5}, 7}
	ints := Extract[int](xs)
	strs := Extract[string](xs)
	println(len(ints), ints[0], ints[1], len(strs), strs[0])
	var g Getter[int] = IntBox(3)
	println(g.Get())
	_, ok := g.(Box[int])
	b, ok2 := g.(IntBox)
	println(ok, ok2, b)
	println(Sum(IntBox(1), IntBox(2)), Sum[Getter[int]](IntBox(1), Box[int]{10}))
	var e any = g
	switch v := e.(type) {
	case Getter[string]:
		println("string getter", v.Get())
	case Getter[int]:
		println("int getter", v.Get())
	}
	defer func() { println("recovered:", recover().(error).Error()) }()
	_ = e.(Getter[bool])
}
