package main

func main() {
	pt := struct {
		X, Y int
	}{3, 4}
	println(pt.X, pt.Y)
	people := []struct {
		name string
		age  int
	}{{"ann", 30}, {"bob", 25}}
	for _, p := range people {
		println(p.name, p.age)
	}
	type named struct {
		X, Y int
	}
	var n named = pt
	println(n.X)
	pt = struct{ X, Y int }(n)
	println(pt == struct{ X, Y int }{3, 4})
	cfg := struct {
		debug bool
		inner struct{ level int }
	}{}
	cfg.inner.level = 7
	println(cfg.debug, cfg.inner.level)
	empty := struct{}{}
	_ = empty
	var arr [3]struct{}
	println(len(arr))
}
