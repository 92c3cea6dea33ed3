package main

type pair struct{ a, b int }

func main() {
	_ = pair{1, 2, 3}
}
