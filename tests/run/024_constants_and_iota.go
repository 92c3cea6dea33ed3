package main

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const big = 1 << 100
const small = big >> 98

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func main() {
	println(A, B, C, E)
	println(KB, MB, GB)
	println(small)
	println(Sunday, Monday, Tuesday)
	const s = "typed" + "less"
	println(s, len(s), true && !false)
}
