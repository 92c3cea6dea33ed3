package main

func main() {
	_ = bool('x')
}
