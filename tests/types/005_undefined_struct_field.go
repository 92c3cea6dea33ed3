package main

type point struct{ x, y int }

func main() {
	p := point{1, 2}
	p.z = 3
}
