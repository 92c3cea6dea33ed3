package main

type Big struct {
	a    [200]int
	name string
	f    float64
}

func makeBig(seed int) Big {
	var b Big
	for i := range b.a {
		b.a[i] = seed + i
	}
	b.name = "big"
	b.f = float64(seed) / 2
	return b
}

func modify(b Big) Big {
	b.a[0] = -1
	b.name += "!"
	return b
}

func pair(seed int) (Big, [300]byte, string) {
	var arr [300]byte
	for i := range arr {
		arr[i] = byte(i + seed)
	}
	return makeBig(seed), arr, "tail"
}

type Holder struct {
	b Big
	n int
}

func (h Holder) Sum() int {
	t := h.n
	for _, x := range h.b.a {
		t += x
	}
	return t
}

func main() {
	b := makeBig(10)
	c := modify(b)
	println(b.a[0], c.a[0], b.name, c.name, c.a[199], c.f)
	x, arr, s := pair(3)
	println(x.a[5], arr[0], arr[299], s)
	h := Holder{makeBig(1), 5}
	println(h.Sum())
	hs := []Holder{h, {makeBig(2), 0}}
	hs[1].b.a[0] = 1000
	println(hs[0].Sum(), hs[1].Sum(), h.b.a[0])
	var i interface{} = b
	bb := i.(Big)
	bb.a[1] = 0
	println(i.(Big).a[1], bb.a[1])
	ch := make(chan Big, 1)
	ch <- c
	got := <-ch
	println(got.a[0], got.name)
	m := map[int]Big{}
	m[1] = b
	println(m[1].a[199], m[2].a[199])
	f := func(b Big) (Big, Big) { b.a[2] = 42; return b, makeBig(0) }
	p, q := f(b)
	println(p.a[2], q.a[2], b.a[2])
	arrs := [3][500]int{}
	arrs[2][499] = 7
	cp := arrs
	cp[2][499] = 8
	println(arrs[2][499], cp[2][499], arrs == cp)
}
