package main

func helper() {
	println("helper")

func main() {
	helper()
}
