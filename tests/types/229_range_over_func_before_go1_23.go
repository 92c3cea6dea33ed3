//go:build go1.22

package main

func seq(yield func(int) bool) {}

func main() {
	for v := range seq {
		_ = v
	}
}
