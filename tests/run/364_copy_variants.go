package main

type S struct {
	a int
	b string
}

func main() {
	dst := make([]byte, 3)
	n := copy(dst, "hello")
	println(n, string(dst))
	n = copy(dst, "")
	println(n)
	var nilb []byte
	n = copy(nilb, "abc")
	println(n, nilb == nil)
	big := make([]byte, 10)
	n = copy(big, "héllo")
	println(n, string(big[:n]))
	ss := []S{{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}}
	n = copy(ss[1:], ss)
	println(n, ss[0].b, ss[1].b, ss[2].b, ss[3].b)
	ss = []S{{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}}
	n = copy(ss, ss[2:])
	println(n, ss[0].b, ss[1].b, ss[2].b, ss[3].b)
	arrs := [][2]int{{1, 2}, {3, 4}}
	cp := make([][2]int, 1)
	copy(cp, arrs)
	cp[0][0] = 100
	println(arrs[0][0], cp[0][0])
	ptrs := []*int{new(int), new(int)}
	*ptrs[0] = 5
	cps := make([]*int, 2)
	copy(cps, ptrs)
	*cps[0] = 6
	println(*ptrs[0])
	fl := []float64{1.5, 2.5, 3.5}
	copy(fl[1:], fl[:2])
	println(fl[0], fl[1], fl[2])
	str := []string{"x", "y", "z"}
	n = copy(str[:0], str)
	println(n, str[0])
	var arr [5]int
	n = copy(arr[:], []int{9, 8, 7, 6, 5, 4, 3})
	println(n, arr[0], arr[4])
	r := []rune("héllo")
	n = copy(r[1:], r[2:])
	println(n, string(r))
}
