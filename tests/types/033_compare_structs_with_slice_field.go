package main

type bag struct{ items []int }

func main() {
	a, b := bag{}, bag{}
	_ = a == b
}
