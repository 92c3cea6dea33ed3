package main

func main() {
	x := 3_.14
	println(x)
}
