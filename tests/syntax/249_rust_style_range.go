package main

func main() {
	xs := []int{1, 2, 3, 4}
	ys := xs[1..3]
	println(len(ys))
}
