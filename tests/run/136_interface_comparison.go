package main

type P struct{ x int }
type Q struct{ x int }

type E interface{}

func main() {
	var a, b interface{}
	println(a == b, a == nil)
	a, b = 1, 1
	println(a == b)
	b = int64(1)
	println(a == b)
	a, b = P{1}, P{1}
	println(a == b)
	b = Q{1}
	println(a == b)
	p := &P{1}
	a, b = p, p
	println(a == b)
	b = &P{1}
	println(a == b)
	a, b = "x", "x"
	println(a == b, a != b)
	var e E = 1
	println(e == a, e == 1, a == "x")
	var nan float64
	nan /= nan
	a, b = nan, nan
	println("nan:", a == b)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	a = map[int]int{}
	b = map[int]int{}
	println(a == b)
}
