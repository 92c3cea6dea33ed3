package main

// (Every function but main is go:noinline: gc inlines small functions
// before its slice pass, which then sees different code.)
//
// Slices that never leave their frame (only indexed, measured, resliced
// and passed to a function that does not keep them) and one that is
// ranged over: their capacities as gc 1.27 gives them.

//go:noinline
func total(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

//go:noinline
func local(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		print(cap(s), " ")
	}
	println()
	s[0] = 42
	s = s[1:]
	return total(s) + len(s) + cap(s) + s[0]
}

//go:noinline
func ranged(n int) int {
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, byte('a'+i))
	}
	t := 0
	for i, c := range s {
		t += i * int(c)
	}
	return t + cap(s)
}

//go:noinline
func reset(n int) {
	var s []int16
	for round := 0; round < 3; round++ {
		for i := 0; i < n; i++ {
			s = append(s, int16(i))
		}
		print(len(s), "/", cap(s), " ")
		s = nil
	}
	println()
}

func main() {
	println(local(3))
	println(local(6))
	println(ranged(5), ranged(40))
	reset(5)
	reset(20)
}
