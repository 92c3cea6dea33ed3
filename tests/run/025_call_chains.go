package main

func inc(x int) int        { return x + 1 }
func double(x int) int     { return x * 2 }
func apply3(x int) int     { return inc(double(inc(x))) }
func sum(a, b, c, d int) int { return a + b + c + d }

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func main() {
	println(apply3(5), apply3(apply3(0)))
	println(sum(inc(1), double(2), apply3(3), 4))
	println(ack(2, 3), ack(3, 3))
}
