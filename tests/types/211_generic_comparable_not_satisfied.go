package main

func index[T comparable](s []T, v T) int { return 0 }

func main() {
	_ = index([][]int{}, []int{})
}
