package main

func main() {
	s := "\U00110000"
	println(s)
}
