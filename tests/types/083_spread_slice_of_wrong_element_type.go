package main

func total(ns ...int) {}

func main() {
	s := []int64{1, 2}
	total(s...)
}
