package main

func main() {
	x := 1.5
	n := 2
	if x < n {
	}
}
