package main

type S struct {
	p *int
	f func()
}

func main() {
	var s S
	println(s.p, s.f == nil)
	var ps *S
	println(ps)
	var arr [2]*int
	println(arr[0], arr[1])
	var sl []string
	println(sl, len(sl), cap(sl))
	sl = []string{}
	println(len(sl), cap(sl), sl != nil)
	var ch chan string
	var m map[int]int
	println(ch, m)
	var e error
	var i interface{ M() }
	println(e, i)
	var u uintptr
	println(u)
	var up *uintptr
	println(up == nil, up)
}
