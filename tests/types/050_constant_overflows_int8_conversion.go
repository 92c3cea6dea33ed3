package main

func main() {
	_ = int8(200)
}
