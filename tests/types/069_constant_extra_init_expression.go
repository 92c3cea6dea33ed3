package main

const a, b = 1, 2, 3

func main() {
}
