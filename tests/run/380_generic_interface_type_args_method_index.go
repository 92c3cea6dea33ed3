package main

type Bier interface{ B() string }

type ABC interface {
	A() string
	B() string
	C() string
}

type T struct{ n int }

func (t T) A() string { return "A" }
func (t T) B() string { return "B" + string(rune('0'+t.n)) }
func (t T) C() string { return "C" }

func CallB[X Bier](x X) string { return x.B() }

func ValueB[X Bier](x X) string {
	f := x.B
	return f()
}

func DeferB[X Bier](x X) (s string) {
	defer func() { s += "|deferred" }()
	defer x.B()
	return x.B()
}

type BC interface {
	C() string
	B() string
}

func Both[X BC](x X) string { return x.B() + x.C() }

func Via[X interface{ ABC }](x X) string { return x.C() + x.A() }

func main() {
	var abc ABC = T{1}
	println(CallB(abc), CallB[ABC](T{2}), CallB(T{3}))
	println(ValueB(abc), ValueB[Bier](T{4}))
	println(DeferB(abc))
	println(Both(abc), Both[BC](T{5}))
	println(Via(abc))
	var b Bier = T{6}
	println(CallB(b))
}
