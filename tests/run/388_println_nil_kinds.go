package main

type S struct{ a int }

type F func(int) int

type M map[string]int

type Sl []S

type Ch chan<- int

func main() {
	var f func()
	var nf F
	var m map[int]bool
	var nm M
	var sl []string
	var nsl Sl
	var c chan int
	var nc Ch
	var p *S
	var pp **S
	var e any
	var er error
	println(f == nil, nf == nil)
	println(m, nm, c, nc, p, pp)
	println(sl, nsl)
	println(e, er)
	print(m, " ", sl, " ", e, "\n")
	var arr [0]int
	s0 := arr[:]
	println(len(s0), cap(s0))
	var up uintptr
	println(up, uintptr(1<<63))
}
