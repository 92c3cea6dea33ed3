package main

type A struct{}

func (A) M() int      { return 1 }
func (A) S() string   { return "s" }

type B struct{}

func (B) M() string { return "b" }

func f() int {
	type I interface{ M() int }
	g := I.M
	var i I = A{}
	h := i.M
	return g(A{}) + h()
}

func h() string {
	type I interface{ M() string }
	g := I.M
	var i I = B{}
	k := i.M
	return g(B{}) + k()
}

func p() any {
	type T struct{ x int }
	return T{1}
}

func q() any {
	type T struct{ x int }
	return T{1}
}

func assertOther(x any) (msg string) {
	defer func() { msg = recover().(error).Error() }()
	type T struct{ x int }
	_ = x.(T)
	return "no panic"
}

func boxes() (any, any) {
	type Box[E any] struct{ e E }
	type T struct{ x int }
	return Box[T]{}, []T{}
}

func boxes2() (any, any) {
	type Box[E any] struct{ e E }
	type T struct{ x int }
	return Box[T]{}, []T{}
}

func main() {
	println(assertOther(p()))
	b1, s1 := boxes()
	b2, s2 := boxes2()
	_, ok1 := b1.(interface{})
	println(ok1)
	_, sameSlice := s1.([]struct{ x int })
	println(sameSlice)
	m := map[any]int{p(): 1, q(): 2}
	println(len(m))
	_ = b2
	_ = s2
	println(f(), h())
	println(p() == q(), p() == p())
	_, ok := p().(interface{ M() int })
	println(ok)
}
