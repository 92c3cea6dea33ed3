package main

func main() {
	var buf [16]byte
}
