package main

func main() {
	a := make([]int, 5)
	println(len(a), cap(a))
	b := make([]int, 2, 8)
	println(len(b), cap(b))
	b = b[:cap(b)]
	println(len(b))
	c := b[3:5]
	println(len(c), cap(c))
	d := c[:0]
	println(len(d), cap(d))
	e := d[:4]
	println(len(e), e[0])
	var n = 3
	f := make([][]int, n, n*2)
	println(len(f), cap(f), f[2] == nil)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	neg := -1
	_ = make([]int, neg)
}
