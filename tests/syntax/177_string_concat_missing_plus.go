package main

func main() {
	name := "gopher"
	println("hello, " name)
}
