//go:build go1.25

package main

func main() {
	p := new(42)
	_ = p
}
