package main

func main() {
	f := 2.5
	for i := range f {
		_ = i
	}
}
