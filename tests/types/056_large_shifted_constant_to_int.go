package main

const big = 1 << 100

func main() {
	var n int = big
	_ = n
}
