package main

func main() {
	f := func(n int) {}
	for x := range f {
		_ = x
	}
}
