package main

type item struct{}

var item = 1

func main() {
}
