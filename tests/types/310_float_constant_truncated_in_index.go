package main

func main() {
	s := []int{1, 2}
	_ = s[1.0+0.5]
}
