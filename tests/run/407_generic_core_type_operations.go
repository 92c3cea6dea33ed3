package main

type Point struct{ X, Y int }

func Make[S ~[]E, E any](n int, fill E) S {
	s := make(S, n)
	for i := range s {
		s[i] = fill
	}
	return s
}

func Lit[S ~[]E, E any](a, b E) S { return S{a, b} }

func MapOf[M ~map[K]V, K comparable, V any](k K, v V) M {
	m := M{k: v}
	m2 := make(M, 4)
	m2[k] = v
	return m
}

func StructLit[P ~struct{ X, Y int }](x int) P { return P{X: x, Y: x * 2} }

func ArrLit[A ~[4]E, E any](e E) A { return A{2: e} }

func Sum[S ~[]E, E ~int | ~float64](s S) (t E) {
	for _, v := range s {
		t += v
	}
	return
}

func Last[S ~[]E | ~[4]E, E any](s S) E { return s[len(s)-1] }

func Keys[M ~map[K]V, K comparable, V any](m M) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func Chan[C ~chan E, E any](c C, v E) E {
	c <- v
	return <-c
}

func PtrTo[P ~*E, E any](p P) E { return *p }

type IDs []int
type Grid [4]string
type Reg map[string]bool
type Pipe chan string
type P2 Point

func main() {
	ids := Make[IDs](3, 7)
	println(len(ids), ids[2], Sum(ids))
	l := Lit[[]string]("a", "b")
	println(len(l), l[1])
	m := MapOf[Reg]("on", true)
	println(len(m), m["on"], Keys(m))
	p := StructLit[Point](3)
	q := StructLit[P2](4)
	println(p.Y, q.Y)
	a := ArrLit[Grid]("z")
	println(a[2], a[0] == "", Last[Grid, string](a), Last[IDs, int](IDs{1, 2, 9}))
	c := make(Pipe, 1)
	println(Chan(c, "through"))
	x := 42
	println(PtrTo(&x))
	println(Sum([]float64{1.5, 2.5}))
}
