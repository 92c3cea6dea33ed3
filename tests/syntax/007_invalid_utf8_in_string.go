package main

func main() {
	s := "café"
	println(s)
}
