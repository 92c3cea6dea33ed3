package main

func main() {
	a, b := true, false
	_ = a < b
}
