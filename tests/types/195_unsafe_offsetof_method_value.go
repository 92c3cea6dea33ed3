package main

import "unsafe"

type t struct{ x int }

func (t) m() {}

func main() {
	var v t
	_ = unsafe.Offsetof(v.m)
}
