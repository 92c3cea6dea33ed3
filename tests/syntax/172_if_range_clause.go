package main

func main() {
	xs := []int{1}
	if range xs {
	}
}
