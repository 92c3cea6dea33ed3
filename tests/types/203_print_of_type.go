package main

func main() {
	println(int)
}
