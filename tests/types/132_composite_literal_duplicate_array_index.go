package main

func main() {
	_ = []string{0: "a", 1: "b", 1: "c"}
}
