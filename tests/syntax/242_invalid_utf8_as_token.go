package main

func main() {
	x := 1 ÿ
	println(x)
}
