package main

func main() {
	var m map[string]int
	println("reading works:", m["a"], len(m))
	m["a"] = 1
	println("unreachable")
}
