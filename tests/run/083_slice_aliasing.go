package main

func main() {
	a := make([]int, 3, 10)
	b := append(a, 1)
	c := append(a, 2)
	println("b[3]:", b[3], "c[3]:", c[3])
	d := a[1:2]
	d[0] = 50
	println(a[1])
	d = append(d, 60)
	println(a[2])
	e := []int{1, 2, 3}
	f := append(e, 4)
	f[0] = 99
	println(e[0], f[0])
	g := e[:2]
	g = append(g, 77)
	println(e[2])
	h := make([]int, 2)
	x := h
	h = append(h, 5)
	h[0] = 8
	println(x[0], h[0])
	grid := make([][]int, 2)
	row := []int{1, 2}
	grid[0] = row
	grid[1] = row
	grid[0][1] = 9
	println(grid[1][1])
}
