package main

var (
	a = b + c
	b = f("b", 1)
	c = f("c", 2)
	d = f("d", 3)
)

var total = sum()

func f(name string, v int) int {
	println("init", name)
	return v
}

func sum() int {
	println("init total, a =", a)
	return a + d
}

var x, y = pair()

func pair() (int, int) {
	println("init pair")
	return 10, 20
}

func main() {
	println(a, b, c, d, total, x, y)
}
