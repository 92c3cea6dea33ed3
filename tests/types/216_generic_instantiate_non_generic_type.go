package main

type box struct{ v int }

var b box[int]

func main() {
}
