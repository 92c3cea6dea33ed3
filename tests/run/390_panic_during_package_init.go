package main

var table = build()

func build() []int {
	println("building table")
	s := make([]int, 3)
	defer func() {
		println("build's deferred call runs")
	}()
	i := len(s) + 2
	s[i] = 1
	return s
}

func init() {
	println("init never runs")
}

func main() {
	println("main never runs", len(table))
}
