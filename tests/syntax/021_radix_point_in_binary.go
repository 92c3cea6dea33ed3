package main

func main() {
	x := 0b1.1
	println(x)
}
