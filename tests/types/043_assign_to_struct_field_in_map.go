package main

type entry struct{ hits int }

func main() {
	m := map[string]entry{}
	m["a"].hits = 1
}
