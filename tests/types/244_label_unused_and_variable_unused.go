package main

func main() {
	n := 1
outer:
	for {
	}
}
