package main

// Slices handed to functions that keep them (a global, memory behind a
// pointer, a channel, an interface, a goroutine) escape: their appends
// grow on the heap as gc's do, and the kept values stay intact after the
// frames that built them are gone.

var kept []int

func keep(s []int) { kept = s }

type holder struct{ s []int }

func store(h *holder, s []int) { h.s = s }

func send(c chan []int, s []int) { c <- s }

func show(v any) {
	if s, ok := v.([]int); ok {
		println("any", len(s), cap(s))
	}
}

func later(s []int, done chan bool) {
	println("goroutine", len(s), s[0])
	done <- true
}

func indirect(s []int) { keep(s) }

func scribble(n int) int {
	var arr [16]int
	for i := range arr {
		arr[i] = n + i
	}
	return arr[n%16]
}

func viaGlobal() {
	var s []int
	s = append(s, 7)
	keep(s)
	println("global", len(kept), cap(kept))
}

func viaPointer(h *holder) {
	var s []int
	s = append(s, 8)
	store(h, s)
}

func viaIndirect() {
	var s []int
	s = append(s, 11, 12)
	indirect(s)
}

func main() {
	viaGlobal()
	scribble(3)
	println("global after", kept[0])

	h := &holder{}
	viaPointer(h)
	scribble(5)
	println("pointer", h.s[0], len(h.s), cap(h.s))

	c := make(chan []int, 1)
	var s []int
	s = append(s, 9)
	send(c, s)
	r := <-c
	println("channel", r[0], len(r), cap(r))

	var t []int
	t = append(t, 10)
	show(t)

	done := make(chan bool)
	var u []int
	u = append(u, 42)
	go later(u, done)
	<-done

	viaIndirect()
	scribble(7)
	println("indirect", kept[0], kept[1], len(kept), cap(kept))
}
