package main

func main() {
	٣x := 1
	println(٣x)
}
