package main

var x = 1 2

type T struct { a int b int }

const c := 3

func main() {
}
