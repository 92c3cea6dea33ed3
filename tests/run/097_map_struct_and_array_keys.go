package main

type point struct{ x, y int }

type key struct {
	name string
	id   int
	tag  [2]byte
}

func main() {
	grid := map[point]string{}
	grid[point{0, 0}] = "origin"
	grid[point{1, 2}] = "a"
	grid[point{1, 2}] = "b"
	println(len(grid), grid[point{1, 2}], grid[point{0, 0}])
	p := point{1, 2}
	_, ok := grid[p]
	println(ok)
	visits := map[[2]int]int{}
	path := [][2]int{{0, 0}, {0, 1}, {0, 0}, {1, 1}, {0, 0}}
	for _, c := range path {
		visits[c]++
	}
	println(len(visits), visits[[2]int{0, 0}], visits[[2]int{1, 1}])
	km := map[key]bool{}
	km[key{"a", 1, [2]byte{1, 2}}] = true
	println(km[key{"a", 1, [2]byte{1, 2}}], km[key{"a", 1, [2]byte{2, 1}}])
	type anon = struct {
		a bool
		b float64
	}
	am := map[anon]int{{true, 1.5}: 7}
	println(am[anon{true, 1.5}], am[anon{false, 1.5}])
}
