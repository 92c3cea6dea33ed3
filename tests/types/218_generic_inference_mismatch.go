package main

func pick[T any](a, b T) T { return a }

func main() {
	_ = pick(1, "a")
}
