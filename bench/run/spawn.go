// Benchmark goroutine spawn: batches of goroutines started with go, each
// computing a little and sending its result on a buffered channel that
// the main goroutine drains (the cost of creating, scheduling and
// finishing a goroutine).
//
// Constructs: go statements with arguments, closures, buffered channels,
// send and receive.
package main

func work(id int, out chan<- int) {
	x := id
	for i := 0; i < 10; i++ {
		x = x*1103515245 + 12345
	}
	out <- x & 0xFFFF
}

func main() {
	const batches = 400
	const perBatch = 2000
	results := make(chan int, perBatch)
	sum := 0
	for b := 0; b < batches; b++ {
		for i := 0; i < perBatch; i++ {
			go work(b*perBatch+i, results)
		}
		for i := 0; i < perBatch; i++ {
			sum += <-results
		}
	}
	done := make(chan bool)
	go func() {
		sum++
		done <- true
	}()
	<-done
	println("spawn", batches*perBatch, sum)
}
