package main

func main() {
	double := (x int) => x * 2
	_ = double
}
