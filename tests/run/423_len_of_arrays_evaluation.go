package main

var calls int

func arr() [4]int { calls++; return [4]int{} }

func parr() *[5]string { calls++; return nil }

func main() {
	var p *[3]int
	println(len(p), cap(p), len(*p), cap(*p))
	n := len(arr())
	println(n, calls)
	m := len(parr())
	println(m, calls)
	ch := make(chan [2]byte, 1)
	ch <- [2]byte{1, 2}
	k := len(<-ch)
	println(k, len(ch))
	var grid [3][7]int
	println(len(grid), len(grid[0]), len(grid[2:]), cap(grid[1][2:]))
	const c = len([10]int{})
	println(c)
	var pp **[6]int
	defer func() { println("recovered:", recover() != nil) }()
	println(len(*pp))
}
