package main

func main() {
	s := []int{}
	s = append(s, "x")
	_ = s
}
