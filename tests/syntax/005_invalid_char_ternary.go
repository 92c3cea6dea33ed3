package main

func main() {
	a, b := 1, 2
	m := a > b ? a : b
	println(m)
}
