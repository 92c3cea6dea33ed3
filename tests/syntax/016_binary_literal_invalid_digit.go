package main

func main() {
	mask := 0b1021
	println(mask)
}
