package main

func main() {
	total := 1
	total = 2
}
