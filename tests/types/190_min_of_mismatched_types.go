package main

func main() {
	_ = min(1, "a")
}
