package main

type Age int
type Name string
type Ratio float64
type Ok bool
type Bytes []byte
type Ptr *int

func main() {
	var a Age = 42
	var n Name = "bob"
	var r Ratio = 0.75
	var o Ok = true
	println(a, n, r, o)
	var b Bytes
	println(b == nil, len(b))
	var p Ptr
	println(p)
	type local uint16
	var l local = 65535
	println(l + 1)
	const typed Age = 7
	println(typed * 2)
}
