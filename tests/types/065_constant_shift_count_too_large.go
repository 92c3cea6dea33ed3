package main

const huge = 1 << 100000

func main() {
}
