package main

type I interface{ M() }
type J interface {
	M()
	N()
}

type T struct{}

func (T) M() {}

type U int

func try(f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		println(ok, err.Error())
	}()
	f()
}

func main() {
	var e interface{} = 5
	try(func() { _ = e.(string) })
	try(func() { _ = e.(U) })
	try(func() { _ = e.(I) })
	var i I = T{}
	try(func() { _ = i.(J) })
	try(func() { _ = i.(*T) })
	var nilI interface{}
	try(func() { _ = nilI.(int) })
	var nilJ I
	try(func() { _ = nilJ.(J) })
	e = []int{}
	try(func() { _ = e.(map[string]int) })
	e = &T{}
	try(func() { _ = e.(T) })
}
