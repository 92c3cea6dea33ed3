package main

type List[T any] = []T

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Dict[K comparable, V any] = map[K]V

type IntPair = Pair[string, int]

func Sum[T ~int | ~float64](xs List[T]) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Entries[K comparable, V any](d Dict[K, V], keys []K) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(keys))
	for _, k := range keys {
		out = append(out, Pair[K, V]{k, d[k]})
	}
	return out
}

type Matrix[T any] [2][2]T

func (m Matrix[T]) Transpose() Matrix[T] {
	return Matrix[T]{{m[0][0], m[1][0]}, {m[0][1], m[1][1]}}
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func (o Opt[T]) Or(d T) T {
	if o.ok {
		return o.v
	}
	return d
}

func main() {
	var l List[int] = []int{1, 2, 3}
	println(Sum(l), Sum(List[float64]{0.5, 0.25}))
	d := Dict[string, int]{"a": 1, "b": 2}
	es := Entries(d, []string{"b", "a", "c"})
	for _, e := range es {
		print(e.Key, "=", e.Val, " ")
	}
	println()
	ip := IntPair{"x", 9}
	var p Pair[string, int] = ip
	println(p.Key, p.Val, ip == p)
	m := Matrix[string]{{"a", "b"}, {"c", "d"}}
	t := m.Transpose()
	println(t[0][1], t[1][0], t.Transpose() == m)
	println(Some(5).Or(0), Opt[string]{}.Or("default"), Some[any](nil).Or(1) == nil)
	var e any = Pair[int, bool]{1, true}
	_, ok := e.(Pair[int, bool])
	_, ok2 := e.(Pair[int, int])
	println(ok, ok2)
}
