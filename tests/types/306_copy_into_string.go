package main

func main() {
	s := "abc"
	copy(s, []byte("x"))
}
