package main

func main() {
	n := 1
	s := "a"
	_ = n + s
}
