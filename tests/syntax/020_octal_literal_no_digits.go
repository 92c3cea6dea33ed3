package main

func main() {
	x := 0o_
	println(x)
}
