package main

type a struct{ b b }
type b struct{ a a }

func main() {
}
