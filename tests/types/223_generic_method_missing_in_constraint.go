package main

type stringer interface{ String() string }

func show[T stringer](v T) string { return v.String() }

func main() {
	_ = show(42)
}
