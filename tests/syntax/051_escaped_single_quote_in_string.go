package main

func main() {
	s := "it\'s"
	println(s)
}
