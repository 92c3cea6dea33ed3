package main

func describe(name string, s []int) {
	println(name, s == nil, len(s), cap(s))
}

func main() {
	var a []int
	b := []int{}
	c := make([]int, 0)
	d := a[:]
	e := b[0:0]
	describe("var", a)
	describe("literal", b)
	describe("make", c)
	describe("reslice nil", d)
	describe("reslice empty", e)
	a = append(a, 1)
	describe("append nil", a)
	var f []int
	f = append(f)
	describe("append nothing", f)
	g := append([]int(nil), []int{}...)
	describe("append empty", g)
	for range a {
		println("ranged")
	}
	var h []string
	for i, v := range h {
		println(i, v)
	}
	println(len(h[0:0]))
	var m map[string][]int
	describe("missing", m["x"])
}
