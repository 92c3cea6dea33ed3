package main

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func describe(prefix string, vals ...interface{}) {
	println(prefix, len(vals), vals == nil)
}

func modify(xs ...int) {
	if len(xs) > 0 {
		xs[0] = 999
	}
}

func main() {
	println(sum(), sum(1), sum(1, 2, 3))
	s := []int{4, 5, 6}
	println(sum(s...))
	modify(s...)
	println(s[0])
	modify(1, 2)
	describe("none")
	describe("two", 1, "x")
	var nilSlice []interface{}
	describe("nil spread", nilSlice...)
	describe("empty spread", []interface{}{}...)
	f := sum
	println(f(10, 20))
}
