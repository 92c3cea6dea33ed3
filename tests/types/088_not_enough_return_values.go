package main

func divide(a, b int) (int, error) {
	return a / b
}

func main() {
}
