package main

func main() {
	f := 2.5
	_ = f & 1
}
