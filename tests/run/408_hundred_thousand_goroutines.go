package main

func main() {
	const N = 100000
	start := make(chan struct{})
	results := make(chan int, 1024)
	for i := 0; i < N; i++ {
		go func(id int) {
			<-start
			results <- id % 7
		}(i)
	}
	close(start)
	sum := 0
	for i := 0; i < N; i++ {
		sum += <-results
	}
	println(sum)
	// a ring of goroutines passing a counter around 10 times
	const R = 1000
	chans := make([]chan int, R)
	for i := range chans {
		chans[i] = make(chan int)
	}
	for i := 0; i < R; i++ {
		go func(in, out chan int) {
			for v := range in {
				out <- v + 1
			}
		}(chans[i], chans[(i+1)%R])
	}
	chans[0] <- 0
	v := 0
	for lap := 0; lap < 10; lap++ {
		v = <-chans[0]
		if lap < 9 {
			chans[0] <- v
		}
	}
	println(v)
}
