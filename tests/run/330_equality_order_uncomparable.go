package main

type S2 struct {
	a any
	b int
}

type S3 struct {
	n int
	a any
	s string
	b any
}

type Big struct {
	x [10]int
	a any
	y [10]int
}

func try(name string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	u := []int{}
	try("arr first differs", func() bool { return [2]any{1, u} == [2]any{2, u} })
	try("arr types differ later", func() bool { return [2]any{u, 1} == [2]any{u, "x"} })
	try("arr type first differs", func() bool { return [2]any{1, u} == [2]any{"1", u} })
	try("arr ne", func() bool { return [2]any{1, u} != [2]any{2, u} })
	try("struct iface first", func() bool { return S2{u, 1} == S2{u, 2} })
	try("struct iface first differs type", func() bool { return S2{u, 1} == S2{1, 1} })
	try("S3 n differs", func() bool { return S3{1, u, "", u} == S3{2, u, "", u} })
	try("S3 a eq s differs", func() bool { return S3{1, 5, "x", u} == S3{1, 5, "y", u} })
	try("S3 all eq", func() bool { return S3{1, 5, "x", u} == S3{1, 5, "x", u} })
	try("S3 b type differs", func() bool { return S3{1, 5, "x", u} == S3{1, 5, "x", 1} })
	try("Big x differs", func() bool { return Big{x: [10]int{1}, a: u} == Big{a: u} })
	try("Big y differs", func() bool { return Big{y: [10]int{1}, a: u} == Big{a: u} })
	// the same through interfaces: the runtime's equality
	try("eface arr", func() bool { var a, b any = [2]any{1, u}, [2]any{2, u}; return a == b })
	try("eface arr later", func() bool { var a, b any = [2]any{u, 1}, [2]any{u, "x"}; return a == b })
	try("eface S2", func() bool { var a, b any = S2{u, 1}, S2{u, 2}; return a == b })
	try("eface S3", func() bool { var a, b any = S3{1, u, "", u}, S3{2, u, "", u}; return a == b })
	try("eface S3 s", func() bool { var a, b any = S3{1, 5, "x", u}, S3{1, 5, "y", u}; return a == b })
	try("eface Big y", func() bool { var a, b any = Big{y: [10]int{1}, a: u}, Big{a: u}; return a == b })
	big1 := [20]any{}
	big2 := [20]any{}
	big1[5], big2[5] = 1, 2
	big1[10], big2[10] = u, u
	try("big array", func() bool { return big1 == big2 })
	big2[5] = 1
	try("big array eq prefix", func() bool { return big1 == big2 })
	m := map[any]int{}
	m[S2{1, 2}] = 1
	try("map lookup", func() bool { _, ok := m[S2{u, 2}]; return ok })
	try("map lookup arr", func() bool { _, ok := m[[2]any{1, u}]; return ok })
	var e map[any]int
	try("nil map lookup", func() bool { _, ok := e[S2{u, 2}]; return ok })
	try("nil map lookup ok", func() bool { _, ok := e[S2{1, 2}]; return ok })
	try("nil map delete", func() bool { delete(e, [1]any{u}); return true })
	try("empty map lookup", func() bool { x := map[any]int{}; return x[map[int]int{}] == 0 })
	try("empty iface-key map", func() bool { x := map[[1]any]int{}; return x[[1]any{func() {}}] == 0 })
	try("nonempty map delete", func() bool { delete(m, u); return true })
	return
}
