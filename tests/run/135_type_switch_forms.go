package main

type A struct{}
type B struct{}

func (A) Name() string { return "A" }
func (B) Name() string { return "B" }

type Namer interface{ Name() string }

func f(x interface{}) {
	switch x.(type) {
	case A, B:
		println("A or B:", x.(Namer).Name())
	case nil:
		println("nil")
	default:
		println("default")
	}
	switch y := x.(type) {
	case A, B:
		println("multi keeps interface type:", y.(Namer).Name())
	case Namer:
		println("namer", y.Name())
	}
	switch t := x.(type) {
	case nil:
		println("nil case, t is nil:", t == nil)
	}
}

func main() {
	f(A{})
	f(B{})
	f(nil)
	f(1)
	var n Namer
	switch n.(type) {
	case nil:
		println("nil interface value")
	}
	n = A{}
	switch v := n.(type) {
	case A:
		println("A via Namer", v.Name())
	}
}
