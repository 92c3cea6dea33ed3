package main

main() {
	println("hi")
}
