package main

func main() {
	ok := true
	_ = int(ok)
}
