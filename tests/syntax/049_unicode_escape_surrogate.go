package main

func main() {
	s := "\uD800"
	println(s)
}
