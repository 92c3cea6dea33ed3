package main

var names = []string{"a"}

const count = len(names)

func main() {
}
