package main

var trace []string

func t(s string, v int) int {
	trace = append(trace, s)
	return v
}

func flush() {
	for _, s := range trace {
		print(s, " ")
	}
	println()
	trace = trace[:0]
}

func main() {
	a := []int{0, 0, 0, 0}
	i := 1
	i, a[i] = 2, 9
	println(i, a[0], a[1], a[2])
	a[t("idx", 0)], a[t("idx2", 1)] = t("v1", 10), t("v2", 20)
	flush()
	println(a[0], a[1])
	m := map[int]int{}
	m[t("k", 1)] = t("v", 5) + t("w", 6)
	flush()
	x, y := 1, 2
	x, y = y, x
	println(x, y)
	s := []int{1, 2, 3}
	s[0], s[1], s[2] = s[2], s[0], s[1]
	println(s[0], s[1], s[2])
	var p *[3]int = &[3]int{1, 2, 3}
	j := 0
	j, p[j] = 1, 100
	println(j, p[0], p[1])
	f := func() int { i++; return i }
	b := []int{f(), f(), f()}
	println(b[0], b[1], b[2])
	c := t("a", 1) + t("b", 2)*t("c", 3) - t("d", 4)
	flush()
	println(c)
	arr := [3]int{}
	k := 0
	arr[k], k = 5, 2
	println(arr[0], k)
	ss := []string{"a", "b"}
	ss = append(ss[:t("lo", 1)], ss[t("hi", 0):]...)
	flush()
	println(len(ss), ss[0], ss[1], ss[2])
	var n1, n2 int
	n1, n2 = t("first", 1), t("second", n1+5)
	flush()
	println(n1, n2)
}
