package main

// A function that returns its parameter leaks it to its result: the
// argument escapes only if the caller lets the result escape.

var kept []int

func id(s []int) []int { return s }

func tail(s []int) (r []int) {
	r = s[1:]
	return
}

func first(s, t []int) []int {
	if len(s) > 0 {
		return s
	}
	return t
}

func localUse() {
	var s []int
	s = append(s, 1)
	t := id(s)
	println("local", len(t), cap(t))
}

func tailUse() {
	var s []int
	s = append(s, 1, 2, 3)
	r := tail(s)
	println("tail", len(r), cap(r), r[0])
}

func keptUse() {
	var s []int
	s = append(s, 5)
	kept = id(s)
	println("kept", len(kept), cap(kept))
}

// Not inlined: gc would inline it into main, where the buffer could live
// in main's frame; a returned slice escapes the frame that built it.
//
//go:noinline
func returned() []int {
	var s []int
	s = append(s, 6)
	return id(s)
}

func chooser() {
	var a, b []int
	a = append(a, 1)
	b = append(b, 2)
	c := first(a, b)
	println("first", c[0], cap(a), cap(b))
}

func main() {
	localUse()
	tailUse()
	keptUse()
	r := returned()
	println("returned", len(r), cap(r), r[0])
	chooser()
	println("kept after", kept[0])
}
