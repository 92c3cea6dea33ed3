package main

type handler func(int)

func main() {
	f := func(s string) {}
	_ = handler(f)
}
