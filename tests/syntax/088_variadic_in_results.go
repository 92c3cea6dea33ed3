package main

func values() (...int) {
	return 0
}

func main() {
}
