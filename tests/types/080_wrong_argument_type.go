package main

func square(n int) int { return n * n }

func main() {
	_ = square("four")
}
