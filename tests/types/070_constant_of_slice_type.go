package main

const empty = []int{}

func main() {
}
