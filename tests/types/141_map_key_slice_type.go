package main

var index map[[]int]bool

func main() {
}
