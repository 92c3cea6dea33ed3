package main

func main() {
	x := 1e
	println(x)
}
