package main

type Handler func(name string, n int) (ok bool, err error)

func msg(f func()) (m string) {
	defer func() { m = recover().(error).Error() }()
	f()
	return "no panic"
}

func main() {
	var x any = func(a, b int) (sum int) { return a + b }
	f, ok := x.(func(int, int) int)
	println(ok, f(2, 3))
	_, ok = x.(func(x, y int) (z int))
	println(ok)
	println(msg(func() { _ = x.(func(int) int) }))
	println(msg(func() { _ = x.(Handler) }))
	var h any = Handler(nil)
	println(msg(func() { _ = h.(func(string, int) (bool, error)) }))
	var v any = func(xs ...int) {}
	_, ok = v.(func(...int))
	_, ok2 := v.(func([]int))
	println(ok, ok2)
	m := map[any]int{}
	m[x] = 1
	println(msg(func() { m[v] = 2 }))
}
