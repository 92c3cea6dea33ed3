package main

func main() {
	default := 5
	println(default)
}
