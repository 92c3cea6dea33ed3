package main

//go:wasmexport a b
func f() {}

func main() {
}
