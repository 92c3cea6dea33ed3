package main

type Stringer interface{ String() string }

type Named interface {
	Name() string
	String() string
}

type P struct{ n string }

func (p P) Name() string   { return "name:" + p.n }
func (p P) String() string { return "str:" + p.n }

type Q int

func (q Q) String() string { return "Q" }

func Join[T Stringer](xs []T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x.String()
	}
	return s
}

func Keyed[K comparable, V Stringer](m map[K]V, keys []K) string {
	s := ""
	for _, k := range keys {
		s += m[k].String() + ";"
	}
	return s
}

func Kind[T any](x T) string {
	switch v := any(x).(type) {
	case Named:
		return "Named(" + v.Name() + ")"
	case Stringer:
		return "Stringer(" + v.String() + ")"
	case nil:
		return "nil"
	}
	return "other"
}

func AsIface[T Stringer](x T) Stringer { return x }

func Apply[T Stringer](xs []T, f func(T) string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	ns := []Named{P{"a"}, P{"b"}}
	println(Join(ns))
	ss := []Stringer{P{"c"}, Q(1)}
	println(Join(ss))
	m := map[string]Stringer{"x": Q(2), "y": P{"y"}}
	println(Keyed(m, []string{"y", "x"}))
	mi := map[any]Named{1: P{"one"}, "two": P{"two"}}
	println(Keyed(mi, []any{"two", 1}))
	println(Kind(P{"k"}), Kind(Q(3)), Kind[Stringer](nil), Kind[Named](P{"n"}), Kind(5))
	var n Named = P{"z"}
	println(AsIface(n).String(), AsIface[Stringer](Q(4)).String())
	r := Apply(ns, Named.Name)
	println(r[0], r[1])
	r2 := Apply(ns, func(x Named) string { return x.String() })
	println(r2[1])
	println(Zero[Stringer]() == nil, Zero[*P]() == nil, Zero[P]().n == "")
}
