package main

func main() {
	x := 0b
	println(x)
}
