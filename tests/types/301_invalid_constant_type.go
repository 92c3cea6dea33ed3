package main

type point struct{ x int }

const origin point = point{}

func main() {
}
