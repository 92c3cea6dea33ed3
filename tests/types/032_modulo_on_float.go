package main

func main() {
	f := 7.0
	_ = f % 2
}
