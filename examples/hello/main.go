// Command hello is the program scripts/main.sh builds and runs with goxide:
// an import-free Go program (the slice goxide compiles today) printing
// with the println builtin, which writes to standard error as gc's does.
package main

var greeting = "hello, world"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println(greeting)
	for i := 10; i <= 30; i += 10 {
		println("fib", i, "=", fib(i))
	}
}
