package main

import "io"

type empty struct{}

func main() {
	var r io.Reader
	_ = r.(empty)
}
