package main

type P struct{ X, Y int }

type G[T any] struct {
	V    T
	Next *G[T]
}

func main() {
	ps := []*P{{1, 2}, {X: 3}, nil, &P{5, 6}}
	println(ps[0].Y, ps[1].X, ps[2] == nil, ps[3].Y)
	mk := map[[2]int]string{{1, 2}: "a", {3, 4}: "b"}
	println(mk[[2]int{1, 2}], mk[[2]int{3, 4}], len(mk))
	mp := map[P]*P{{1, 1}: {2, 2}, {3, 3}: nil}
	println(mp[P{1, 1}].X, mp[P{3, 3}] == nil)
	mptr := map[*P]int{{7, 7}: 1}
	for k, v := range mptr {
		println(k.X, v)
	}
	nested := [][]int{{1}, {2, 3}, {}, nil}
	println(len(nested), len(nested[1]), nested[2] == nil, nested[3] == nil)
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	println(grid[1][2], len(grid), len(grid[0]))
	gaps := []int{5: 1, 2, 1: 9}
	println(len(gaps), gaps[5], gaps[6], gaps[1], gaps[0])
	arr := [...]string{2: "b", "c", 0: "a"}
	println(len(arr), arr[0], arr[1] == "", arr[2], arr[3])
	ms := map[string][]P{"x": {{1, 2}, {3, 4}}, "y": nil}
	println(len(ms["x"]), ms["x"][1].Y, ms["y"] == nil)
	g := G[string]{V: "head", Next: &G[string]{V: "tail"}}
	println(g.V, g.Next.V, g.Next.Next == nil)
	gs := []G[int]{{V: 1}, {V: 2, Next: &G[int]{V: 3}}}
	println(gs[1].Next.V)
	pa := &[3]int{1, 2, 3}
	pa[0] = 10
	println(pa[0], len(pa))
	ptrs := [...]*[2]string{{"a", "b"}, {"c"}}
	println(ptrs[0][1], ptrs[1][0], ptrs[1][1] == "")
	anon := []struct {
		Name string
		Tags []string
	}{{"a", []string{"t1"}}, {Name: "b"}}
	println(anon[0].Tags[0], anon[1].Name, anon[1].Tags == nil)
	mm := map[string]map[string]int{"outer": {"inner": 42}}
	println(mm["outer"]["inner"])
	fns := map[string]func(int) int{"dbl": func(x int) int { return 2 * x }}
	println(fns["dbl"](21))
	const N = 3
	sized := [N * 2]bool{N: true}
	println(len(sized), sized[3], sized[2])
	ifs := []any{1, "s", P{1, 2}, []int{1}, nil}
	println(len(ifs), ifs[2].(P).Y, ifs[4] == nil)
}
