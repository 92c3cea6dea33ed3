package main

type B3 [3]byte
type B5 [5]byte
type B12 [12]byte
type B40 [40]byte
type S24 struct {
	p *int
	a, b int
}
type Big [1000]byte

// Package-level slices: every append grows through gc's growslice (a
// local slice may get gc's stack buffer and its own growth steps first).
var (
	sink []B3
	s5   []B5
	s12  []B12
	s40  []B40
	s24  []S24
	big  []Big
	u16  []uint16
	strs []string
)

func growth3() {
	last := -1
	for i := 0; i < 2000; i++ {
		sink = append(sink, B3{})
		if cap(sink) != last {
			print(cap(sink), " ")
			last = cap(sink)
		}
	}
	println()
}

func main() {
	growth3()
	for i := 0; i < 300; i++ {
		s5 = append(s5, B5{})
		s12 = append(s12, B12{})
		s40 = append(s40, B40{})
		s24 = append(s24, S24{})
		u16 = append(u16, 1)
		if i < 40 {
			big = append(big, Big{})
		}
	}
	println(cap(s5), cap(s12), cap(s40), cap(s24), cap(big), cap(u16))
	// appending many at once
	a := append([]int(nil), make([]int, 5)...)
	b := append(make([]int, 3, 3), make([]int, 7)...)
	c := append(make([]byte, 10), make([]byte, 23)...)
	d := append([]B12{{}}, make([]B12, 100)...)
	e := append(make([]S24, 1000), S24{})
	println(cap(a), cap(b), cap(c), cap(d), cap(e))
	for i := 0; i < 100; i++ {
		strs = append(strs, "x", "y", "z")
	}
	println(len(strs), cap(strs))
	sink = nil
	_ = sink
}
