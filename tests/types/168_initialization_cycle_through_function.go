package main

var total = sum()

func sum() int { return total + 1 }

func main() {
}
