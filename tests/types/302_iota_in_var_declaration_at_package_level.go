package main

var counter = iota

func main() {
}
