package main

func main() {
	n := 10
	n()
}
