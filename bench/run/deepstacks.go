// Benchmark deepstacks: goroutines that recurse far past their first
// stack (gc grows it by copying; goxide adds segments), again and again,
// with some calls of a function with a larger frame at every depth, so
// that goroutines cross between stack pieces often.
//
// Constructs: goroutines, channels, deep recursion, a local array.
package main

//go:noinline
func wide(x int) int {
	var a [64]int
	for i := range a {
		a[i] = x ^ i
	}
	return a[x&63]
}

func dive(n int) int {
	if n == 0 {
		return 0
	}
	s := dive(n-1) + 1
	if n%8 == 0 {
		s += wide(n) & 1
	}
	return s
}

func main() {
	const workers = 8
	done := make(chan int)
	for w := 0; w < workers; w++ {
		go func(w int) {
			sum := 0
			for r := 0; r < 40; r++ {
				sum += dive(100000 + 5000*w + r)
			}
			done <- sum
		}(w)
	}
	total := 0
	for w := 0; w < workers; w++ {
		total += <-done
	}
	println("deepstacks", total)
}
