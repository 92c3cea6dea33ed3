package main

type Inner struct {
	p *int
	s []int
	m map[string]int
}

type Outer struct {
	b  bool
	i  int
	f  float64
	c  complex128
	s  string
	in Inner
	a  [2]int
	fn func()
	ch chan int
	e  interface{}
}

func main() {
	var o Outer
	println(o.b, o.i, o.f, o.c, o.s == "")
	println(o.in.p == nil, o.in.s == nil, o.in.m == nil, len(o.in.m))
	println(o.a[0], o.a[1], o.fn == nil, o.ch == nil, o.e == nil)
	o2 := Outer{}
	println(o2.in.s == nil)
	po := &Outer{i: 5}
	println(po.i, po.s == "")
}
