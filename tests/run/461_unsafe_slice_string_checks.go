// gc's run-time checks of unsafe.Slice and unsafe.String: negative and
// too large lengths, nil pointers with lengths, zero-size elements.
package main

import "unsafe"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "->", r.(error).Error())
		}
	}()
	f()
	println(name, "ok")
}

func main() {
	var z struct{}
	var np *struct{}
	try("zero-size", func() { s := unsafe.Slice(&z, 1000); println(len(s)) })
	try("zero-size nil", func() { _ = unsafe.Slice(np, 3) })
	try("zero-size nil 0", func() { s := unsafe.Slice(np, 0); println(s == nil) })
	x := 5
	try("negative", func() { n := -1; _ = unsafe.Slice(&x, n) })
	try("huge", func() { n := uint64(1) << 62; _ = unsafe.Slice(&x, n) })
	var bp *byte
	try("string nil", func() { _ = unsafe.String(bp, 2) })
	try("string nil 0", func() { s := unsafe.String(bp, 0); println(len(s)) })
	try("string negative", func() { n := int8(-3); _ = unsafe.String(bp, n) })
	p := unsafe.Pointer(&x)
	println(unsafe.Add(unsafe.Add(p, 8), -8) == p)
	println(unsafe.Sizeof(p), unsafe.Sizeof(""), unsafe.Sizeof([]int{}), unsafe.Alignof(int32(0)))
	_ = unsafe.String(bp, 1)
}
