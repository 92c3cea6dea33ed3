package main

func convert[T ~int | ~string](v T) float64 {
	return float64(v)
}

func main() {
}
