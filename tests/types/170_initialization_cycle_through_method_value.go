package main

type t struct{}

func (t) m() int { return x }

var x = t{}.m()

func main() {
}
