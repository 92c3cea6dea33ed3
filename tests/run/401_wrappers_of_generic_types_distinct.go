package main

type X struct{ n int }

type G[T any] struct{ v T }

func (g G[T]) M() string { return "G.M" }

type H[T any] struct{ v T }

func (h H[T]) M() string { return "H.M" }

type Mer interface{ M() string }

type I1 interface{ M() string }

func f1() Mer {
	type L struct{ I1 }
	return &L{G[int]{}}
}

func main() {
	var a Mer = &G[X]{}
	var b Mer = &H[X]{}
	println(a.M(), b.M())
	var c Mer = &G[[2]X]{}
	var d Mer = &H[[2]X]{}
	println(c.M(), d.M())
	ga := (*G[X]).M
	ha := (*H[X]).M
	println(ga(&G[X]{}), ha(&H[X]{}))
	var e interface{ M() string } = G[string]{}
	var f interface{ M() string } = H[string]{}
	me, mf := e.M, f.M
	println(me(), mf(), f1().M())
	ie := interface{ M() string }.M
	println(ie(H[int]{}), ie(G[int]{}))
}
