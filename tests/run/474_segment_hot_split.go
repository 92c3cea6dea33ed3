package main

// A loop that calls a function with a bigger frame at every depth of a
// deep goroutine recursion, so that near each segment boundary the calls
// cross into a new segment and back every time (split stacks' "hot
// split"): the results must still be right.

//go:noinline
func work(x int) int {
	var a [100]int
	for i := range a {
		a[i] = x + i
	}
	return a[x%100]
}

func at(n int) int {
	s := 0
	for i := 0; i < 50; i++ {
		s += work(i)
	}
	if n == 0 {
		return s
	}
	return at(n-1) + s%7
}

func main() {
	done := make(chan int)
	go func() { done <- at(50000) }()
	println(<-done)
}
