package main

const max = 10

func main() {
	max = 11
}
