package main

func main() {
	const u uint = 1
	_ = -u
}
