package main

func main() {
	n := 1
	float64(n)
}
