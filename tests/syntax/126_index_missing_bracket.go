package main

func main() {
	xs := []int{1, 2}
	println(xs[0 1])
}
