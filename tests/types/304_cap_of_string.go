package main

func main() {
	s := "abc"
	_ = cap(s)
}
