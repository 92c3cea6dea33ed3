package main

func main() {
	a, b := []int{}, []int{}
	_ = min(a, b)
}
