package main

func main() {
	_ = []int{1, "two", 3}
}
