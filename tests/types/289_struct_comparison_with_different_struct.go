package main

type a struct{ x int }
type b struct{ x int }

func main() {
	_ = a{} == b{}
}
