package main

func Seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer println("  iterator cleanup")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func find(target int) (int, bool) {
	for i := range Seq(10) {
		if i == target {
			return i * 100, true
		}
	}
	return -1, false
}

func withDefer() (out []int) {
	defer func() { out = append(out, -1) }()
	for i := range Seq(3) {
		defer func() { out = append(out, i) }()
	}
	println("  loop over, defers pending")
	return []int{}
}

func main() {
	v, ok := find(3)
	println(v, ok)
	v, ok = find(30)
	println(v, ok)
	r := withDefer()
	for _, x := range r {
		print(x, " ")
	}
	println()
}
