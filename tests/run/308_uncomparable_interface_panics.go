package main

type S struct {
	a int
	f []int
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name, "->", e.Error())
		} else {
			println(name, "-> no panic")
		}
	}()
	f()
}

func main() {
	try("slice", func() {
		var a, b interface{} = []int{1}, []int{1}
		println(a == b)
	})
	try("map", func() {
		var a, b interface{} = map[int]int{}, map[int]int{}
		println(a == b)
	})
	try("func", func() {
		var a, b interface{} = main, main
		println(a == b)
	})
	try("diff types", func() {
		var a, b interface{} = []int{1}, 3
		println(a == b)
	})
	try("struct", func() {
		var a, b interface{} = S{1, nil}, S{1, nil}
		println(a == b)
	})
	try("array", func() {
		var a, b interface{} = [1][]int{}, [1][]int{}
		println(a == b)
	})
	try("array of iface", func() {
		a := [2]interface{}{1, []int{}}
		b := [2]interface{}{1, []int{}}
		println(a == b)
	})
	try("array of iface short", func() {
		a := [2]interface{}{1, []int{}}
		b := [2]interface{}{2, []int{}}
		println(a == b)
	})
	try("map key", func() {
		m := map[interface{}]int{}
		m[[]int{1}] = 1
	})
	try("map key lookup", func() {
		m := map[interface{}]int{1: 1}
		_ = m[map[string]int{}]
	})
	try("map key struct", func() {
		m := map[interface{}]int{}
		m[S{}] = 1
	})
	try("map key func", func() {
		m := map[interface{}]int{}
		delete(m, func() {})
	})
	var x, y interface{} = []int{1}, []int{1}
	println(x == y)
}
