package main

type T struct{ n int }

func (t T) show(label string)   { println(label, t.n) }
func (t *T) pshow(label string) { println(label, t.n) }

func main() {
	x := 1
	defer println("deferred x:", x)
	defer func() { println("closure x:", x) }()
	x = 2
	t := T{1}
	defer t.show("value receiver:")
	defer t.pshow("pointer receiver:")
	t.n = 5
	s := []int{1, 2, 3}
	defer println("slice len at defer:", len(s))
	s = append(s, 4)
	f := func(v int) { println("f called with", v) }
	defer f(x * 10)
	f = func(v int) { println("replaced f", v) }
	x = 3
	println("end of main, x =", x)
}
