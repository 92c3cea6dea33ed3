package main

func one() int { return 1 }

func main() {
	a, b := one()
	_, _ = a, b
}
