package main

func main() {
	x := 0b101e2
	println(x)
}
