package main

var calls []string

func note(s string) { calls = append(calls, s) }

func flush() {
	for _, c := range calls {
		print(c, " ")
	}
	println()
	calls = nil
}

var x = 10

func bump() int { note("bump"); x += 5; return 1 }

func main() {
	x += bump()
	println(x)
	flush()
	arr := []int{1, 2, 3}
	i := 0
	idx := func() int { note("idx"); i++; return i - 1 }
	arr[idx()] += 10
	arr[idx()] *= 7
	println(arr[0], arr[1], arr[2], i)
	flush()
	m := map[string]int{}
	key := func(k string) string { note("key:" + k); return k }
	val := func(v int) int { note("val"); return v }
	m[key("a")] += val(3)
	m[key("a")] <<= val(2)
	println(m["a"])
	flush()
	n := 5
	ptr := func() *int { note("ptr"); return &n }
	*ptr() += 10
	*ptr()++
	println(n)
	flush()
	type S struct{ v [3]int }
	s := &S{}
	get := func() *S { note("get"); return s }
	get().v[idx()-2] -= 4
	println(s.v[0], s.v[1])
	flush()
	ch := make(chan int, 1)
	chf := func() chan int { note("chan"); return ch }
	chf() <- val(9)
	println(<-ch)
	flush()
	str := "ab"
	str += str + str
	println(str)
	y := 3
	y, arr[y-3] = y*2, y*100
	println(y, arr[0])
}
