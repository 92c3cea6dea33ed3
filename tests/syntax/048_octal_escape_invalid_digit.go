package main

func main() {
	s := "\19"
	println(s)
}
