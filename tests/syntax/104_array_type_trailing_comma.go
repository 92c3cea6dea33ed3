package main

var grid [3,]int

func main() {
}
