package main

func main() {
	x := 0x1.8
	println(x)
}
