package main

// Recursive and mutually recursive callees: a parameter that only flows
// around a cycle does not leak; one stored on some path does.

var kept []int

func sum(s []int) int {
	if len(s) == 0 {
		return 0
	}
	return s[0] + sum(s[1:])
}

func even(s []int, n int) bool {
	if n == 0 {
		return true
	}
	return odd(s, n-1)
}

func odd(s []int, n int) bool {
	if n == 0 {
		return false
	}
	return even(s, n-1)
}

func down(s []int, n int) {
	if n == 0 {
		kept = s
		return
	}
	up(s, n-1)
}

func up(s []int, n int) {
	down(s, n)
}

func main() {
	var a []int
	a = append(a, 1, 2, 3)
	println("sum", sum(a), len(a), cap(a))

	var b []int
	b = append(b, 4)
	println("even", even(b, 4), odd(b, 4), len(b), cap(b))

	var c []int
	c = append(c, 5)
	up(c, 3)
	println("stored", len(c), cap(c), kept[0])
}
