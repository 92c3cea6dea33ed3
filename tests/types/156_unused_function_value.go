package main

func helper() {}

func main() {
	helper
}
