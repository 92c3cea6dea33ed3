package main

import "unsafe"

func main() {
	var p unsafe.Pointer
	_ = unsafe.Add(p, 1.5)
}
