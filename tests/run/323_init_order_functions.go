package main

var (
	a = f("a", b+c)
	b = f("b", d)
	c = f("c", 3)
	d = g()
)

var total = sum()

var x, y = pair()

func pair() (int, int) {
	println("pair")
	return e * 2, e * 3
}

var e = f("e", 5)

func f(name string, v int) int {
	println("init", name, v)
	return v + 1
}

func g() int {
	println("g uses c", c)
	return c * 10
}

func sum() int {
	return a + b + c + d
}

var order []string

func init() {
	order = append(order, "init1")
	println("init1", a, b, c, d, total, x, y)
}

func init() {
	order = append(order, "init2")
}

var late = func() int { println("late", len(order)); return 1 }()

func main() {
	println(len(order), order[0], order[1], late)
}

func init() {
	order = append(order, "init3")
	println("init3 sees", len(order))
}
