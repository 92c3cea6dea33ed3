package main

//go:wasmimport env
func f()

func main() {
}
