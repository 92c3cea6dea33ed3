package main

type writer interface{ Write(s string) int }

type buffer struct{}

func (b buffer) Write(n int) int { return n }

func main() {
	var w writer = buffer{}
	_ = w
}
