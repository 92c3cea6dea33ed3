package main

type T int

func main() {
	const (
		a = iota * 10
		b
		c
	)
	var (
		x    = 1
		y, z = "y", 3.5
	)
	type Local struct {
		A int
		B []string
	}
	type Alias = Local
	type Celsius float64
	l := Alias{A: 1, B: []string{"b"}}
	println(a, b, c, x, y, z, l.A, l.B[0], Celsius(36.6))
	for i := 0; i < 2; i++ {
		type Inner struct{ n int }
		v := Inner{i}
		println("inner", v.n)
	}
	{
		type T string
		var t T = "shadowed T"
		println(t)
	}
	var t T = 42
	println(t)
	f := func() int {
		const k = 7
		var x = x * k
		return x
	}
	println(f(), x)
	if x := "if-scoped"; len(x) > 0 {
		println(x)
	}
	println(x)
	var err error
	if _, err := divide(1, 0); err != nil {
		println("inner err", err.Error())
	}
	println(err == nil)
	var fn func(int) int
	fn = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fn(n-1)
	}
	println(fn(10))
	true := false
	println(true)
	len := 3
	println(len)
}

type divErr struct{}

func (divErr) Error() string { return "divide by zero" }

func divide(a, b int) (int, error) {
	if b == 0 {
		return 0, divErr{}
	}
	return a / b, nil
}
