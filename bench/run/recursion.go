// Benchmark recursion: the naive doubly recursive Fibonacci, a function
// call (and its frame) per step, nothing else.
//
// Constructs: recursive calls, integer arithmetic, println.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	sum := 0
	for i := 0; i < 3; i++ {
		sum += fib(35 + i)
	}
	println("recursion", sum)
}
