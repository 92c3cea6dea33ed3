package main

func Zero[T any]() T {
	var z T
	return z
}

func PtrTo[T any](v T) *T { return &v }

func OrDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

type rec struct {
	a int
	b string
}

func main() {
	println(Zero[int](), Zero[string]() == "", Zero[*int]() == nil, Zero[float64]())
	r := Zero[rec]()
	println(r.a, r.b == "")
	println(Zero[[]int]() == nil, Zero[map[string]int]() == nil, Zero[any]() == nil)
	p := PtrTo(42)
	*p++
	println(*p)
	println(OrDefault(0, 10), OrDefault(3, 10), OrDefault("", "def"), OrDefault("x", "def"))
}
