package main

func two() (int, int)             { return 3, 4 }
func three() (string, int, int)   { return "s", 1, 2 }
func none() (int, int, int, int)  { return 1, 2, 3, 4 }
func pairAny() (any, error)       { return "v", nil }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func label(s string, xs ...int) string {
	return s + string(rune('0'+len(xs))) + string(rune('0'+sum(xs...)))
}

func anyCount(xs ...any) int { return len(xs) }

func add(a, b int) int { return a + b }

type T struct{}

func (T) Sum(xs ...int) int { return sum(xs...) }

func main() {
	println(sum(two()))
	println(two())
	print(three())
	println()
	println(label(three()))
	println(sum(none()))
	println(anyCount(two()), anyCount(pairAny()), anyCount(three()))
	println(add(two()))
	var t T
	println(t.Sum(two()), T.Sum(t, 5, 6))
	f := sum
	println(f(two()))
	var i interface{ Sum(...int) int } = t
	println(i.Sum(none()))
	defer func() { println("deferred with multi-value:", sum(two())) }()
	defer println(two())
	go func(a, b int) {}(two())
}
