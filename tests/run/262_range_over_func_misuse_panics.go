package main

// An iterator that keeps calling yield after the body broke out: gc's
// runtime panics with "range function continued iteration after function
// for loop body returned false".

func Bad(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		ok := yield(i)
		println("yield returned", ok)
	}
}

func main() {
	for x := range Bad {
		println("body", x)
		if x == 1 {
			break
		}
	}
	println("not reached")
}
