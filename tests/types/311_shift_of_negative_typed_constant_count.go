package main

func main() {
	const n int = -2
	x := 1
	_ = x >> n
}
