package main

func main() {
	f := func(yield func(int)) {}
	for v := range f {
		_ = v
	}
}
