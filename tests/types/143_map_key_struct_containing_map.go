package main

type key struct{ attrs map[string]string }

var cache map[key]int

func main() {
}
