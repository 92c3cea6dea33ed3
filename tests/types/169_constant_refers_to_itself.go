package main

const size = size * 2

func main() {
}
