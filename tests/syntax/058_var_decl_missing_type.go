package main

var total

func main() {
	println(total)
}
