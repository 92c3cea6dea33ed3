package main

type T struct {
	p *int
	s string
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	sub := s[1:3]
	clear(sub)
	println(s[0], s[1], s[2], s[3], len(sub), cap(sub))
	ts := []T{{new(int), "a"}, {nil, "b"}}
	clear(ts)
	println(ts[0].p == nil, ts[0].s == "", len(ts))
	var ns []int
	clear(ns)
	println(ns == nil)
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	println(len(m), m["a"])
	m["c"] = 3
	println(len(m))
	var nm map[int]int
	clear(nm)
	println(len(nm))
	var zero float64
	fm := map[float64]int{}
	fm[zero/zero] = 1
	fm[zero/zero] = 2
	fm[1] = 3
	println(len(fm))
	delete(fm, zero/zero)
	println(len(fm))
	clear(fm)
	println(len(fm))
	cnt := 0
	big := map[int]int{}
	for i := 0; i < 100; i++ {
		big[i] = i
	}
	for k := range big {
		if cnt == 0 {
			clear(big)
		}
		cnt++
		_ = k
	}
	println(cnt, len(big))
	arr := [4]string{"a", "b", "c", "d"}
	clear(arr[:2])
	println(arr[0] == "", arr[2])
	bs := []byte("hello")
	clear(bs[1:4])
	println(bs[0], bs[1], bs[4])
}
