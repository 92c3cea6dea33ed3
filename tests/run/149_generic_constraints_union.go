package main

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Meters float64
type Score int8

func main() {
	println(Sum([]int{1, 2, 3}))
	println(Sum([]float64{0.5, 0.25}))
	println(Sum([]Meters{1.5, 2.5}))
	println(Sum([]Score{100, 27, 1}))
	println(Sum[int32](nil))
	println(Max(3, 7), Max(2.5, -1.0), Max("abc", "abd"))
}
