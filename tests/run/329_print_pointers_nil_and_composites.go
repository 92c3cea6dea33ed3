package main

type S struct{ a int }

func main() {
	var p *int
	var s []int
	var m map[string]int
	var c chan int
	var f func()
	var i interface{}
	var e error
	var ps *S
	println(p == nil, s == nil, m == nil, c == nil, f == nil, i == nil, e == nil, ps == nil)
	println(p, ps)
	println(i, e)
	print(p, " ", i, "\n")
	var up uintptr
	println(up)
	var arr [0]int
	println(len(arr))
	println(nil == i)
	var b bool
	println(b, !b, "", 'a', byte('a'))
	println()
	println("")
	print()
	print("\n")
	var sp *string
	println(sp)
	var u8 uint8 = 255
	var i64 int64 = -1 << 63
	println(u8, i64, -i64)
}
