package main

func depth(n int) int {
	if n == 0 {
		return 0
	}
	var pad [16]int
	pad[n%16] = n
	return depth(n-1) + 1 + pad[n%16] - n
}

func ackermann(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

func main() {
	println(depth(100000))
	println(ackermann(2, 3), ackermann(3, 3))
}
