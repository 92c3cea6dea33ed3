package main

type closer interface{ Close() error }

type file struct{}

func (f *file) Close() error { return nil }

func main() {
	var c closer = file{}
	_ = c
}
