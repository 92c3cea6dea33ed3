package main

const ratio = 1 / 0

func main() {
}
