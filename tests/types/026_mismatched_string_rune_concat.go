package main

func main() {
	s := "ab"
	r := 'c'
	_ = s + r
}
