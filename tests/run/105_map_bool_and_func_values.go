package main

func main() {
	set := map[string]bool{}
	for _, w := range []string{"a", "b", "a"} {
		set[w] = true
	}
	println(len(set), set["a"], set["c"])
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	println(ops["add"](3, 4), ops["mul"](3, 4), ops["sub"] == nil)
	seen := map[int]struct{}{}
	for _, v := range []int{3, 1, 3, 2, 1} {
		seen[v] = struct{}{}
	}
	println(len(seen))
	_, has := seen[2]
	println(has)
	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		r := fib(n-1) + fib(n-2)
		memo[n] = r
		return r
	}
	println(fib(90), len(memo))
}
