// Package unsafe in an otherwise import-free program: Sizeof, Alignof,
// Offsetof, Add, Slice, SliceData, String, StringData, Pointer <-> uintptr.
package main

import "unsafe"

type T struct {
	a byte
	b int64
	c [3]int16
}

func main() {
	var t T
	println(unsafe.Sizeof(t), unsafe.Alignof(t.b), unsafe.Offsetof(t.c))
	p := unsafe.Pointer(&t)
	pb := (*int64)(unsafe.Add(p, unsafe.Offsetof(t.b)))
	*pb = 42
	println(t.b)
	u := uintptr(p)
	q := unsafe.Pointer(u)
	println(q == p)
	arr := [4]int{1, 2, 3, 4}
	s := unsafe.Slice(&arr[1], 2)
	println(len(s), cap(s), s[0], s[1])
	println(unsafe.SliceData(s) == &arr[1])
	b := []byte("hello")
	str := unsafe.String(&b[0], 3)
	println(str)
	println(*unsafe.StringData(str))
	var np *int
	e := unsafe.Slice(np, 0)
	println(e == nil, len(e))
	defer func() { println(recover().(error).Error()) }()
	_ = unsafe.Slice(np, 1)
}
