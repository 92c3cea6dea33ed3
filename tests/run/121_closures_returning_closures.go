package main

func adder(n int) func(int) int {
	return func(x int) int { return x + n }
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func curry(f func(int, int) int) func(int) func(int) int {
	return func(a int) func(int) int {
		return func(b int) int { return f(a, b) }
	}
}

func main() {
	add5 := adder(5)
	add10 := adder(10)
	println(add5(1), add10(1))
	both := compose(add5, add10)
	println(both(0))
	double := func(x int) int { return x * 2 }
	println(compose(double, add5)(3), compose(add5, double)(3))
	mul := curry(func(a, b int) int { return a * b })
	println(mul(6)(7))
	chain := func(x int) int { return x }
	for i := 1; i <= 4; i++ {
		chain = compose(chain, adder(i))
	}
	println(chain(0))
}
