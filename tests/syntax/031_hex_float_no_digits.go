package main

func main() {
	x := 0x.p1
	println(x)
}
