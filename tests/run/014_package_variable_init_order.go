package main

var a = trace("a", b+1)
var b = trace("b", c*2)
var c = trace("c", 3)
var d = trace("d", 4)
var total int

func trace(name string, v int) int {
	println("init", name, v)
	total += v
	return v
}

func main() {
	println(a, b, c, d, total)
}
