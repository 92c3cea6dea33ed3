package main

func main() {
	range := 10
	println(range)
}
