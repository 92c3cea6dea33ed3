package main

type BigVal [40]int
type BigKey struct {
	a [20]int
	s string
}

func main() {
	m := map[int]BigVal{}
	for i := 0; i < 100; i++ {
		var v BigVal
		for j := range v {
			v[j] = i * j
		}
		m[i] = v
	}
	println(len(m), m[99][39], m[50][1], m[100][0])
	v := m[3]
	v[0] = 12345
	println(m[3][0], v[0])
	km := map[BigKey]int{}
	for i := 0; i < 50; i++ {
		var k BigKey
		k.a[i%20] = i
		k.s = string(rune('a' + i%5))
		km[k] += i
	}
	println(len(km))
	var probe BigKey
	probe.a[3] = 43
	probe.s = "d"
	println(km[probe])
	total := 0
	for k, v := range km {
		total += v + len(k.s)
	}
	println(total)
	for k := range m {
		if k%2 == 1 {
			delete(m, k)
		}
	}
	println(len(m))
	for k, v := range m {
		v[0] = -1
		m[k] = v
	}
	neg := 0
	for _, v := range m {
		if v[0] == -1 {
			neg++
		}
	}
	println(neg)
	sm := map[string][1000]byte{}
	var big [1000]byte
	big[999] = 7
	sm["x"] = big
	println(sm["x"][999], sm["y"][999])
}
