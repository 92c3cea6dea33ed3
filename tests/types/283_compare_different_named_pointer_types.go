package main

type a int
type b int

func main() {
	var p *a
	var q *b
	_ = p == q
}
