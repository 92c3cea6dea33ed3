package main

type a struct{ x int }
type b struct{ y int }

func main() {
	_ = b(a{1})
}
