package main

func main() {
	println(`line one
line two
}
