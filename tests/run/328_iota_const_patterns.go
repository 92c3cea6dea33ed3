package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f = "e", iota
	g, h
)

type Flag uint8

const (
	F0 Flag = 1 << iota
	F1
	F2
	F7 Flag = 1 << (iota + 4)
)

const (
	x0 = iota * iota
	x1
	x2 = -iota
	x3
	x4 = 1.5 * iota
	x5
)

const big = 1 << 100
const ratio = big >> 98
const huge float64 = 1e308 * 10 / 100

const (
	mask8  = ^uint8(0)
	mask16 = ^uint16(0) >> 1
	neg    = -1 << 62
	str    = "abc" + "def"
	strl   = len(str)
	ch     = str + "!"
	r      = 'x' - 'a'
)

func main() {
	println(Sunday, Monday, Tuesday, Thursday)
	println(KB, MB, GB, TB)
	println(a, b, c, d, e, f, g, h)
	println(F0, F1, F2, F7)
	println(x0, x1, x2, x3, x4, x5)
	println(ratio, huge, big/(big>>1))
	println(mask8, mask16, neg, str, strl, ch, r)
	const local = iota
	println(local)
	var w Weekday = Thursday
	w++
	println(w, w == 5)
}
