package main

import _ "unsafe"

//go:linkname a b c d
func a()

func main() {
}
