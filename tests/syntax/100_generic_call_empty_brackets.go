package main

func zero[T any]() (t T) { return }

func main() {
	x := zero[]()
	_ = x
}
