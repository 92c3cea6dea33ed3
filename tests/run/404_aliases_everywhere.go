package main

type T struct{ n int }

type A = T

func (a A) Get() int { return a.n }

type PA = *T

type Strs = []string

type Fn = func(int) int

type Pair[K comparable, V any] struct {
	k K
	v V
}

type IntPair = Pair[int, any]

type Ifc = interface{ Get() int }

type Rec struct {
	s Strs
	f Fn
	e any
}

func describe(x any) string {
	switch x.(type) {
	case Strs:
		return "strs"
	case []interface{}:
		return "[]interface{}"
	case IntPair:
		return "IntPair"
	case PA:
		return "*T"
	case Fn:
		return "Fn"
	case Ifc:
		return "Ifc"
	}
	return "other"
}

func main() {
	var t A = T{5}
	println(t.Get(), T{6}.Get())
	var p PA = &t
	println(p.Get(), describe(p))
	println(describe([]string{"a"}), describe(Strs{}), describe([]any{}), describe(Pair[int, interface{}]{}), describe(func(x int) int { return x }), describe(t))
	m := map[any]string{}
	m[IntPair{1, nil}] = "alias"
	m[Pair[int, interface{}]{1, nil}] = "original"
	println(len(m), m[IntPair{1, nil}])
	var i Ifc = t
	var j interface{ Get() int } = i
	println(i == j, j.Get())
	r := Rec{s: Strs{"x"}, e: any(1)}
	var e any = r
	_, ok := e.(struct {
		s Strs
		f Fn
		e any
	})
	_, ok2 := e.(Rec)
	println(ok, ok2)
	var ss any = Strs{"q"}
	v, ok3 := ss.([]string)
	println(v[0], ok3)
	ch := make(chan any, 1)
	ch <- IntPair{2, "two"}
	got := (<-ch).(Pair[int, interface{}])
	println(got.k, got.v.(string))
}
