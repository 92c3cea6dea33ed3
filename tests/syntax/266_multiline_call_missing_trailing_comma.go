package main

func sum(a, b, c int) int { return a + b + c }

func main() {
	total := sum(
		1,
		2,
		3
	)
	println(total)
}
