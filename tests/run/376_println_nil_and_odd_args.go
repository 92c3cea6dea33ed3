package main

func main() {
	var s []int
	var m map[int]int
	var f func()
	var c chan int
	println(s == nil, m == nil, f == nil, c == nil)
	println(len(s), cap(s), len(m), len(c), cap(c))
	println(true && false, 1 < 2, "a" < "b")
	const big = 1 << 62
	println(big, -big, big/3)
	println('x', 1.0, 1e100, 2.5e-3)
	type B bool
	var b B = true
	println(b, !b)
	type Str string
	var st Str = "named"
	println(st, st+"!", len(st))
	var r rune = 'é'
	var by byte = 200
	println(r, by, uintptr(7), int8(-7))
}
