package main

func main() {
	x := 1
L:
	if x > 0 {
		break L
	}
}
