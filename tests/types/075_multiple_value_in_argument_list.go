package main

func pair() (int, int) { return 1, 2 }

func sum(a, b, c int) int { return a + b + c }

func main() {
	_ = sum(pair(), 3)
}
