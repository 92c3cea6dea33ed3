package main

func main() {
	_ = len("a", "b")
}
