package main

func Seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				println("  iterator saw stop at", i)
				return
			}
		}
		println("  iterator finished")
	}
}

func main() {
	for i := range Seq(10) {
		if i%2 == 0 {
			continue
		}
		if i > 6 {
			break
		}
		println("body", i)
	}
	println("---")
	for i := range Seq(3) {
		println("body", i)
	}
	println("---")
outer:
	for i := range Seq(3) {
		for j := range Seq(3) {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			println("pair", i, j)
		}
	}
	println("done")
}
