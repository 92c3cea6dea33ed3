package main

func first[T []int | map[int]int](c T) {
	for range c {
	}
}

func main() {
}
