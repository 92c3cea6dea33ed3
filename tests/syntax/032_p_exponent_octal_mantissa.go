package main

func main() {
	x := 0o17p2
	println(x)
}
