package main

type Stringer interface{ String() string }

type Name string

func (n Name) String() string { return "Name(" + string(n) + ")" }

func Classify[T any, K comparable, V any](x any) string {
	switch v := x.(type) {
	case int:
		return "int first"
	case T:
		return "T"
	case []T:
		return "[]T of len " + string(rune('0'+len(v)))
	case map[K]V:
		return "map[K]V"
	case *T:
		return "*T"
	case func(T) T:
		return "func(T) T"
	case chan T:
		return "chan T"
	}
	return "none"
}

func main() {
	println(Classify[int, string, bool](5))
	println(Classify[string, string, bool]("s"))
	println(Classify[string, string, bool]([]string{"a", "b"}))
	println(Classify[Stringer, int, int](Name("n")))
	println(Classify[Stringer, int, int]([]Stringer{Name("a")}))
	println(Classify[Stringer, int, int]([]Name{"a"}))
	println(Classify[float64, string, []int](map[string][]int{}))
	println(Classify[float64, string, []int](map[string]int{}))
	x := 1.5
	println(Classify[float64, int, int](&x))
	println(Classify[any, int, int](nil))
	println(Classify[any, int, int](3.5))
	println(Classify[byte, int, int](func(b byte) byte { return b }))
	println(Classify[uint8, int, int](func(b byte) byte { return b }))
	println(Classify[error, int, int](make(chan error)))
}
