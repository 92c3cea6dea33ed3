package main

var count := 0

func main() {
	println(count)
}
