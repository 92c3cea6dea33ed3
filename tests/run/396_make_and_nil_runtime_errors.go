package main

type Big [1 << 15]byte

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name, "->", e.Error())
		} else if r != nil {
			println(name, "-> non-error panic")
		} else {
			println(name, "-> ok")
		}
	}()
	f()
}

func main() {
	n := -1
	huge := 1 << 50
	try("make map negative hint", func() { m := make(map[int]int, n); m[1] = 1; println(len(m)) })
	try("make map huge hint", func() { m := make(map[int]int, huge); println(len(m)) })
	try("make chan negative", func() { _ = make(chan int, n) })
	try("make chan huge", func() { _ = make(chan Big, huge) })
	try("make slice big elems", func() { _ = make([]Big, huge) })
	try("make slice cap huge", func() { _ = make([]byte, 0, huge*1024) })
	try("nil slice index", func() { var s []int; _ = s[0] })
	try("nil map read/delete/len", func() {
		var m map[string][]int
		delete(m, "x")
		println(len(m), m["x"] == nil)
		for range m {
			println("never")
		}
	})
	try("nil func call", func() { var f func(int) int; f(1) })
	try("nil array pointer index", func() { var p *[3]int; i := 1; p[i] = 1 })
	try("nil struct pointer field", func() {
		type T struct{ a, b int }
		var p *T
		p.b = 5
	})
	try("string index", func() { s := "hello"; i := 5; _ = s[i] })
	try("empty string index", func() { s := ""; _ = s[0:1] })
	try("nil chan len cap", func() { var c chan int; println(len(c), cap(c)) })
	try("append to nil", func() { var s []string; s = append(s, "a"); println(len(s), cap(s) >= 1) })
}
