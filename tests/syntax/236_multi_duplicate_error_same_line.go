package main

func main() {
	_ = 1 @@
}
