package main

func main() {
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	println(fact(10))
	var isEven, isOdd func(int) bool
	isEven = func(n int) bool {
		if n == 0 {
			return true
		}
		return isOdd(n - 1)
	}
	isOdd = func(n int) bool {
		if n == 0 {
			return false
		}
		return isEven(n - 1)
	}
	println(isEven(10), isOdd(7), isEven(7))
	var hanoi func(n int, from, to, via string) int
	hanoi = func(n int, from, to, via string) int {
		if n == 0 {
			return 0
		}
		return hanoi(n-1, from, via, to) + 1 + hanoi(n-1, via, to, from)
	}
	println(hanoi(10, "a", "c", "b"))
	saved := fact
	fact = func(n int) int { return -1 }
	println(saved(5))
}
