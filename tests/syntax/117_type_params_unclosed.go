package main

func Max[T int | float64(a, b T) T {
	return a
}

func main() {
}
