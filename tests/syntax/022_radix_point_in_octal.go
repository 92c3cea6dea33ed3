package main

func main() {
	x := 0o7.5
	println(x)
}
