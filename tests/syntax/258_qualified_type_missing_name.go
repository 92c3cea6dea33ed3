package main

type T struct{}

var t T.

func main() {
}
