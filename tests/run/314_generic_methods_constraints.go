package main

type Number interface {
	~int | ~int8 | ~int64 | ~uint16 | ~float32 | ~float64
}

type Stringer interface{ String() string }

type Celsius float32

func (c Celsius) String() string { return "C" }

type Named[T any] struct {
	name string
	val  T
}

func (n Named[T]) Name() string { return n.name }
func (n *Named[T]) Set(v T)     { n.val = v }
func (n Named[T]) Get() T       { return n.val }

type NumStr interface {
	Number
	Stringer
}

func Total[T NumStr](xs []T) (T, string) {
	var t T
	s := ""
	for _, x := range xs {
		t += x
		s += x.String()
	}
	return t, s
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func Swap[K, V comparable](p Pair[K, V]) Pair[V, V2[K]] { return Pair[V, V2[K]]{p.v, V2[K]{p.k}} }

type V2[T any] struct{ x T }

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head}; l.n++ }
func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.v)
	}
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	t, s := Total([]Celsius{1.5, 2.25, 3})
	println(t, s)
	n := Named[[3]int]{name: "arr"}
	n.Set([3]int{1, 2, 3})
	println(n.Name(), n.Get()[2])
	p := Pair[string, float64]{"pi", 3.14}
	sw := Swap(p)
	println(sw.v.x, sw.k)
	var l List[Pair[int, string]]
	l.Push(Pair[int, string]{1, "a"})
	l.Push(Pair[int, string]{2, "b"})
	l.Each(func(p Pair[int, string]) { print(p.k, p.v, " ") })
	println(l.n)
	lens := Map([]string{"a", "bb", "ccc"}, func(s string) int { return len(s) })
	ifs := Map(lens, func(i int) interface{} { return i * 2 })
	println(len(ifs), ifs[2].(int))
	ss := Map([]interface{}{1, "x", nil}, func(v interface{}) bool { return v == nil })
	println(ss[0], ss[1], ss[2])
}
