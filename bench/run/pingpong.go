// Benchmark channel ping-pong: two goroutines pass a counter back and forth
// over two unbuffered channels; every hop is a blocking send meeting a
// blocking receive (a goroutine switch each way).
//
// Constructs: go statements, make(chan int) unbuffered, send, receive,
// close, for range over a channel.
package main

func main() {
	const rounds = 900_000
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan int)
	go func() {
		sum := 0
		for v := range ping {
			sum += v
			pong <- v + 1
		}
		close(pong)
		done <- sum
	}()
	v := 0
	for i := 0; i < rounds; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	_, open := <-pong
	println("pingpong", v, <-done, open)
}
