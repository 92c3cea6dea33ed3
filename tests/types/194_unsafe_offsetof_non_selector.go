package main

import "unsafe"

func main() {
	n := 1
	_ = unsafe.Offsetof(n)
}
