package main

func same[T any](a, b T) bool {
	return a == b
}

func main() {
}
