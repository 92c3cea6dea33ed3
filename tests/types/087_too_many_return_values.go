package main

func run() {
	return 1
}

func main() {
}
