package main

func main() {
	var re float32 = 1
	var im float64 = 2
	_ = complex(re, im)
}
