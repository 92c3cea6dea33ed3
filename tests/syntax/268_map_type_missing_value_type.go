package main

func main() {
	m := map[string]{}
	_ = m
}
