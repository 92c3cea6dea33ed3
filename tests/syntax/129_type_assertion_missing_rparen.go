package main

func main() {
	var v any = 1
	n := v.(int
	println(n)
}
