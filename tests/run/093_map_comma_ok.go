package main

func main() {
	m := map[string]int{"zero": 0, "one": 1}
	v, ok := m["zero"]
	println(v, ok)
	v, ok = m["missing"]
	println(v, ok)
	if _, ok := m["one"]; ok {
		println("has one")
	}
	var nm map[int]bool
	b, ok := nm[3]
	println(b, ok)
	type val struct {
		x int
		s string
	}
	sm := map[int]val{1: {5, "five"}}
	sv, ok := sm[1]
	println(sv.x, sv.s, ok)
	sv, ok = sm[2]
	println(sv.x, sv.s == "", ok)
	pm := map[string]*int{"nil": nil}
	p, ok := pm["nil"]
	println(p == nil, ok)
	p, ok = pm["other"]
	println(p == nil, ok)
}
