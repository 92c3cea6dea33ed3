package main

const Big = 1 << 100
const Small = Big >> 98

type Celsius float64
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

func main() {
	println("small:", Small)
	println("big/2^90:", Big/(1<<90))
	var c Celsius = 36.6
	println("celsius:", c)
	println("days:", Sunday, Monday, Tuesday)
	println("sizes:", KB, MB, GB)
	const f = 1.0 / 3
	println("third:", f)
	var i int = 'a'
	println("rune const:", i, 'a'+1, string(rune('a'+1)))
	const s = "con" + "cat"
	println(s, len(s))
	const h = 'x' * 2
	println("h:", h)
	var x uint8 = 255 - 5
	println("x:", x)
	println(7/2, 7.0/2, -7/2, 7%-3)
}
