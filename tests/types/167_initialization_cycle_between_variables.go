package main

var first = second + 1
var second = first * 2

func main() {
}
