package main

func main() {
	s := "x"
	for s {
	}
}
