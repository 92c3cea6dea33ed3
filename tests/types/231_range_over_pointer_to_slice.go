package main

func main() {
	s := &[]int{1}
	for range s {
	}
}
