package main

// gc 1.27 appends to a local slice through a stack buffer first
// (growsliceBuf: capacity bumped to the next size class while it fits),
// then moves it to the heap where it escapes (moveSlice): the observable
// capacities differ from plain doubling.

type B3 [3]byte

var sink []B3

func main() {
	var s []B3
	for i := 0; i < 12; i++ {
		s = append(s, B3{})
		print(cap(s), " ")
	}
	println()
	sink = s
	var local []int32
	for i := 0; i < 20; i++ {
		local = append(local, int32(i))
		print(cap(local), " ")
	}
	println()
}
