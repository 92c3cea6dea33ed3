package main

func main() {
	const n = 1000
	results := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(x int) {
			results <- x * 2
		}(i)
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-results
	}
	println(sum)
	chain := make(chan int)
	first := chain
	for i := 0; i < 100; i++ {
		next := make(chan int)
		go func(in, out chan int) {
			out <- 1 + <-in
		}(chain, next)
		chain = next
	}
	first <- 0
	println(<-chain)
}
