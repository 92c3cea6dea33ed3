package main

func main() {
	_ = map[string]int{"a": "b"}
}
