// Benchmark closures: calls through func values — closures that capture
// variables by reference (a counter they update), a slice of func values
// picked per iteration, and a function returning a composed closure.
//
// Constructs: function literals capturing variables, func-typed values,
// calls through them, functions returning functions.
package main

func adder(k int) func(int) int {
	return func(x int) int { return x + k }
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func apply(n int, f func(int) int, x int) int {
	for i := 0; i < n; i++ {
		x = f(x) & 0xFFFFFF
	}
	return x
}

func main() {
	calls := 0
	count := func(x int) int {
		calls++
		return x*3 + 1
	}
	ops := []func(int) int{
		adder(7),
		count,
		compose(adder(1), count),
		func(x int) int { return x ^ 0x5A5A },
	}
	acc := 1
	for i := 0; i < 96_000_000; i++ {
		acc = ops[i&3](acc) & 0xFFFFFF
	}
	acc += apply(40_000_000, compose(adder(3), func(x int) int { return x * 5 }), 1)
	println("closures", acc, calls)
}
