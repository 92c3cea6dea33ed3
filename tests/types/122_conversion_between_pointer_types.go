package main

func main() {
	f := 1.0
	_ = (*int)(&f)
}
