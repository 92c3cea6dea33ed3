package main

import _ "embed"

//go:embed
var s string

func main() {
	println(s)
}
