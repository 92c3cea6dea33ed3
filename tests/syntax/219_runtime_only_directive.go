package main

//go:nowritebarrier
func f() {}

func main() {
	f()
}
