package main

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs(s []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Nothing(yield func() bool) {
	yield()
	yield()
}

func main() {
	for i := range Count(4) {
		print(i, " ")
	}
	println()
	for i, s := range Pairs([]string{"a", "b", "c"}) {
		print(i, s, " ")
	}
	println()
	n := 0
	for range Nothing {
		n++
	}
	println("zero-arg iterations:", n)
	total := 0
	for i := range Count(101) {
		total += i
	}
	println(total)
	for range Count(0) {
		println("never")
	}
}
