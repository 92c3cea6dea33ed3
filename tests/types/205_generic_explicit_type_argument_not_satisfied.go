package main

type number interface{ ~int | ~float64 }

func double[T number](v T) T { return v * 2 }

func main() {
	_ = double[string]
}
