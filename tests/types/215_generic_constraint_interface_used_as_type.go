package main

type number interface{ int | float64 }

var n number

func main() {
}
