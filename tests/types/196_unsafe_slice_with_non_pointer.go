package main

import "unsafe"

func main() {
	n := 1
	_ = unsafe.Slice(n, 1)
}
