package main

func main() {
	x := 12p3
	println(x)
}
