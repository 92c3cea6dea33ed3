package main

var x, y int = 1

func main() {
}
