package main

func main() {
	s := "\x4"
	println(s)
}
