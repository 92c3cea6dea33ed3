package main

type Acc struct {
	n    int
	tags []string
}

type Key struct {
	a, b int
}

func main() {
	m := map[string]Acc{}
	for i, w := range []string{"x", "y", "x", "z", "x"} {
		a := m[w]
		a.n++
		a.tags = append(a.tags, string(rune('0'+i)))
		m[w] = a
	}
	println(m["x"].n, len(m["x"].tags), m["x"].tags[2], m["y"].n, m["q"].n)
	pm := map[string]*Acc{}
	for _, w := range []string{"a", "b", "a"} {
		if pm[w] == nil {
			pm[w] = &Acc{}
		}
		pm[w].n++
	}
	println(pm["a"].n, pm["b"].n)
	am := map[int][2]int{}
	v := am[1]
	v[0] = 5
	am[1] = v
	println(am[1][0], len(am))
	sm := map[Key][]int{}
	sm[Key{1, 2}] = append(sm[Key{1, 2}], 1)
	sm[Key{1, 2}] = append(sm[Key{1, 2}], 2)
	sm[Key{2, 1}] = append(sm[Key{2, 1}], 3)
	println(len(sm), len(sm[Key{1, 2}]), sm[Key{2, 1}][0])
	mm := map[string]map[string]int{}
	for _, p := range [][2]string{{"a", "x"}, {"a", "y"}, {"b", "x"}, {"a", "x"}} {
		if mm[p[0]] == nil {
			mm[p[0]] = map[string]int{}
		}
		mm[p[0]][p[1]]++
	}
	println(mm["a"]["x"], mm["a"]["y"], mm["b"]["x"], mm["c"]["x"])
	cnt := map[rune]int{}
	for _, r := range "mississippi" {
		cnt[r]++
	}
	println(cnt['s'], cnt['i'], cnt['p'], cnt['m'])
	m2 := map[int]int{}
	m2[1] += 5
	m2[1] *= 3
	m2[2]--
	m2[3] |= 6
	m2[3] <<= 2
	println(m2[1], m2[2], m2[3])
	fm := map[string]func(int) int{"sq": func(x int) int { return x * x }}
	println(fm["sq"](7))
	defer func() { println("recovered:", recover().(error).Error()) }()
	fm["missing"](1)
}
