package main

type point struct{ x, y int }

func main() {
	_ = point{x: 1, x: 2}
}
