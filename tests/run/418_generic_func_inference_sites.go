package main

func Id[T any](x T) T { return x }

func Neg[T ~int | ~float64](x T) T { return -x }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

type Op struct {
	name string
	f    func(int) int
}

func pick(neg bool) func(int) int {
	if neg {
		return Neg
	}
	return Id
}

func main() {
	ys := Map([]int{1, 2, 3}, Neg[int])
	println(ys[2])
	zs := Map([]string{"a"}, Id[string])
	println(zs[0])
	op := Op{"neg", Neg}
	println(op.name, op.f(5))
	ops := []Op{{"id", Id}, {name: "neg", f: Neg}}
	println(ops[0].f(7), ops[1].f(7))
	println(pick(true)(3), pick(false)(3))
	ch := make(chan func(float64) float64, 1)
	ch <- Neg
	println((<-ch)(2.5))
	var arr [2]func(string) string
	arr[0] = Id
	arr[1] = func(s string) string { return s + s }
	println(arr[0]("x") + arr[1]("y"))
	var iface any = Id[int]
	f, ok := iface.(func(int) int)
	println(ok, f(9))
	ret := func() (func(int) int, func(float64) float64) { return Id, Neg }
	a, b := ret()
	println(a(1), b(1))
}
