package main

func main() {
	_ = map[string]int{"a": 1, "b": 2, "a": 3}
}
