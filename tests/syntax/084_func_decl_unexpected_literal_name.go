package main

func 2sum(a, b int) int {
	return a + b
}

func main() {
}
