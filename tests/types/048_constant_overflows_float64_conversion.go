package main

func main() {
	_ = float64(1e1000)
}
