package main

type point struct{ x int }

func main() {
	p := point{}
	_ = p == nil
}
