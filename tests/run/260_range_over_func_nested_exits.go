package main

// Leaving nested range-over-func loops every way: return with values from
// the inner body, goto and labelled break/continue across both bodies and
// a plain loop between them, and the iterators seeing each stop.

func Seq(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				println("  ", name, "stopped at", i)
				return
			}
		}
		println("  ", name, "done")
	}
}

func Pairs(n int) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		words := []string{"zero", "one", "two", "three"}
		for i := 0; i < n; i++ {
			if !yield(i, words[i%4]) {
				return
			}
		}
	}
}

func findPair(target int) (int, int, string) {
	for i := range Seq("outer", 4) {
		for j, w := range Pairs(4) {
			if i*10+j == target {
				return i, j, w
			}
		}
	}
	return -1, -1, "none"
}

func gotoOut() int {
	n := 0
	for i := range Seq("a", 5) {
		for j := range 3 {
			for k := range Seq("b", 5) {
				n += i*100 + j*10 + k
				if n > 150 {
					goto out
				}
			}
		}
	}
	println("not reached")
out:
	return n
}

func plainBetween() {
outer:
	for i := 0; i < 3; i++ {
		for j := range Seq("mid", 3) {
			for k := range Seq("in", 3) {
				if k == 1 && j == 0 {
					continue outer
				}
				if i == 2 {
					break outer
				}
				println("ijk", i, j, k)
			}
		}
	}
	println("plainBetween over")
}

func main() {
	i, j, w := findPair(21)
	println("found", i, j, w)
	i, j, w = findPair(99)
	println("found", i, j, w)
	println("gotoOut", gotoOut())
	plainBetween()
	sum := 0
	for x := range Seq("sw", 6) {
		switch {
		case x == 1:
			continue
		case x == 4:
			break
		default:
			sum += x
		}
		select {
		default:
			if x == 5 {
				break
			}
			sum += 100
		}
	}
	println("sum", sum)
}
