package main

func main() {
	xs := []int{1, 2, 3}
	ys := xs[0:2:]
	println(len(ys))
}
