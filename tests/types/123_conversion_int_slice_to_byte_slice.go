package main

func main() {
	ns := []int{1, 2}
	_ = []byte(ns)
}
