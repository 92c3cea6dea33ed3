package main

func main() {
	a, b := true, false
	_ = max(a, b)
}
