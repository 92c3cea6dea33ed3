package main

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	var gs []func() int
	for i := 0; i < 6; i++ {
		gs = append(gs, func() int { return i })
		i++
	}
	for _, g := range gs {
		print(g(), " ")
	}
	println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	println(*ps[0], *ps[1], *ps[2], ps[0] != ps[1])
	var hs []func() string
	for _, s := range []string{"a", "b", "c"} {
		hs = append(hs, func() string { return s })
	}
	for _, h := range hs {
		print(h())
	}
	println()
	var inc []func()
	for i := 0; i < 3; i++ {
		inc = append(inc, func() { i += 10 })
		inc[len(inc)-1]()
		print(i, " ")
	}
	println()
}
