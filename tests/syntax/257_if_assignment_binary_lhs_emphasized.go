package main

func main() {
	a, b, c := 1, 2, 3
	if a + b = c {
	}
}
