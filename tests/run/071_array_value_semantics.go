package main

func double(a [4]int) [4]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func doubleInPlace(a *[4]int) {
	for i := range a {
		a[i] *= 2
	}
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := a
	b[0] = 100
	println(a[0], b[0])
	c := double(a)
	println(a[1], c[1])
	doubleInPlace(&a)
	println(a[0], a[1], a[2], a[3])
	var z [3]string
	println(len(z), z[0] == "", len(z[2]))
	type pair struct{ arr [2]int }
	p := pair{[2]int{5, 6}}
	q := p
	q.arr[1] = 60
	println(p.arr[1], q.arr[1])
	grid := [2][2]int{{1, 2}, {3, 4}}
	row := grid[1]
	row[0] = 30
	println(grid[1][0], row[0])
}
