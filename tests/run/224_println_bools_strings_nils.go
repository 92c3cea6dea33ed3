package main

func main() {
	println(true, false)
	println("plain", "", "with space", "tab\t|")
	var p *int
	var s []int
	var m map[string]int
	var f func()
	var c chan int
	var e interface{}
	var er error
	println(p, s == nil, m == nil, f == nil, c == nil)
	println(p == nil)
	println(e == nil, er == nil)
	println(s)
	println(m, c)
	println(e, er)
	print("no newline", "\n")
	print()
	println()
	print("a", 1, true, 2.5, "\n")
	println("a", 1, true, 2.5)
}
