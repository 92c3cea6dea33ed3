package main

func main() {
	ns := []int{104, 105}
	_ = string(ns)
}
