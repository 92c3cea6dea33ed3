package main

// Several goroutines deep in their grown stacks at once, each blocking on
// a channel at the bottom and again on the way up: switching between
// goroutines while each runs on a later segment of its own stack.

func dive(id, n int, in, out chan int) int {
	if n == 0 {
		v := <-in
		out <- v + id
		return v
	}
	r := dive(id, n-1, in, out)
	if n%50000 == 0 {
		out <- -n
		<-in
	}
	return r + 1
}

func main() {
	const k = 6
	var ins, outs [k]chan int
	sums := make(chan int)
	for i := 0; i < k; i++ {
		ins[i] = make(chan int)
		outs[i] = make(chan int)
		go func(i int) { sums <- dive(i, 100000+i*20000, ins[i], outs[i]) }(i)
	}
	total := 0
	for i := 0; i < k; i++ {
		ins[i] <- 1000 * i
		total += <-outs[i]
	}
	println("bottoms:", total)
	// Each goroutine now stops on its way up at every 50,000th frame;
	// take their stops in turn, so all of them are switched to often.
	waits := 0
	for j := 0; j < 4; j++ {
		for i := 0; i < k; i++ {
			if j < (100000+i*20000)/50000 {
				waits += <-outs[i]
				ins[i] <- 0
			}
		}
	}
	println("waits:", waits)
	res := 0
	for i := 0; i < k; i++ {
		res += <-sums
	}
	println("results:", res)
}
