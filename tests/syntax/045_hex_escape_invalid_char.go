package main

func main() {
	s := "\xZZ"
	println(s)
}
