package main

import "os"

type t struct{ f undefinedType }

func main() {
	a := 1
	var b int = "b"
	c := d
	_ = 1 + "x"
	e, f := 1
	g()
	var h uint = -1
	var i = nil
	j := 1 << 1.5
}
