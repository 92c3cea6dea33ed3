package main

// (Every function but main is go:noinline: gc inlines small functions
// before its slice pass, which then sees different code.)
//
// A slice appended in a loop and then returned: gc 1.27 moves it off the
// frame buffer at the return (move2heap), so the capacities seen inside
// the function and by the caller are the frame buffer's and the heap
// copy's.

type rgb [3]byte

// collect never looks at the capacity: the first append takes the whole
// buffer, the return copies the elements into their size class.
//go:noinline
func collect(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i*i)
	}
	return s
}

// grow prints the capacity as it goes: the buffer is climbed one size
// class at a time, and the return keeps the capacity.
//go:noinline
func grow(n int) []rgb {
	var s []rgb
	for i := 0; i < n; i++ {
		s = append(s, rgb{byte(i), 1, 2})
		print(cap(s), " ")
	}
	println()
	return s
}

// named returns a named result with a bare return.
//go:noinline
func named(n int) (out []int32) {
	for i := 0; i < n; i++ {
		out = append(out, int32(i))
	}
	return
}

// pointers holds pointers: the moved copy must keep them.
//go:noinline
func pointers(n int) []*int {
	var s []*int
	for i := 0; i < n; i++ {
		v := i * 10
		s = append(s, &v)
	}
	return s
}

func main() {
	for _, n := range []int{0, 1, 2, 3, 4, 5, 9} {
		s := collect(n)
		println("collect", n, len(s), cap(s), s == nil)
		for _, v := range s {
			print(v, " ")
		}
		println()
	}
	for _, n := range []int{1, 4, 11, 12} {
		s := grow(n)
		println("grow", n, len(s), cap(s), s[len(s)-1][0])
	}
	for _, n := range []int{3, 7, 9} {
		s := named(n)
		println("named", n, len(s), cap(s), s[n-1])
	}
	a := pointers(3)
	b := pointers(2)
	println(len(a), cap(a), *a[0], *a[1], *a[2], len(b), cap(b), *b[1])
	// The caller's copy is its own: appending to one does not touch the other.
	c := collect(3)
	d := append(c, 100)
	e := append(c, 200)
	println(len(c), cap(c), d[3], e[3], len(d), cap(d))
}
