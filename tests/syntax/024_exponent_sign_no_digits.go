package main

func main() {
	x := 2.5e-
	println(x)
}
