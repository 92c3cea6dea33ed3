package main

func main() {
	s := "\u12"
	println(s)
}
