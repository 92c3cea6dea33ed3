package main

// (Every function is go:noinline: gc inlines small functions before this
// pass, which then sees different code.)
//
// Slices appended then made visible elsewhere: assigned to a global
// (gc 1.27 moves the frame buffer to the heap first), passed to a
// function that keeps them (not inlined: gc gives up and appends on the
// heap from the start), or passed to one that does not keep them.

var global []int64
var kept [][]uint16

//go:noinline
func keep(s []uint16) {
	kept = append(kept, s)
}

//go:noinline
func sum(s []int64) int64 {
	var t int64
	for _, v := range s {
		t += v
	}
	return t
}

//go:noinline
func toGlobal(n int) {
	var s []int64
	for i := 0; i < n; i++ {
		s = append(s, int64(i))
		print(cap(s), " ")
	}
	println()
	global = s
}

//go:noinline
func toGlobalNoCap(n int) {
	var s []int64
	for i := 0; i < n; i++ {
		s = append(s, int64(i))
	}
	global = s
}

//go:noinline
func toLeakingCall(n int) {
	var s []uint16
	for i := 0; i < n; i++ {
		s = append(s, uint16(i))
		print(cap(s), " ")
	}
	println()
	keep(s)
}

//go:noinline
func toQuietCall(n int) int64 {
	var s []int64
	for i := 0; i < n; i++ {
		s = append(s, int64(i))
		print(cap(s), " ")
	}
	println()
	t := sum(s)
	global = s
	return t
}

func main() {
	for _, n := range []int{1, 3, 5, 9} {
		toGlobal(n)
		println("global", len(global), cap(global), global[n-1])
		toGlobalNoCap(n)
		println("global nocap", len(global), cap(global), global[0])
	}
	for _, n := range []int{2, 17, 40} {
		toLeakingCall(n)
		k := kept[len(kept)-1]
		println("kept", len(k), cap(k), k[n-1])
	}
	println("sum", toQuietCall(6), len(global), cap(global))
	// What was kept survives the frames that built it.
	for _, k := range kept {
		print(len(k), ":", k[len(k)-1], " ")
	}
	println()
}
