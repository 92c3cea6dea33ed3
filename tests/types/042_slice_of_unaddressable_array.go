package main

func three() [3]int { return [3]int{} }

func main() {
	_ = three()[1:]
}
