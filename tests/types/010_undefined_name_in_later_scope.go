package main

func main() {
	if y := 2; y > 1 {
	}
	println(y)
}
