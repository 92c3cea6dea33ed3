package main

func main() {
first:
	println(1)
second:
	println(2)
	break
}
