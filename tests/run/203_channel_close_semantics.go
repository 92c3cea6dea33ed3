package main

func main() {
	ch := make(chan int, 5)
	for i := 1; i <= 3; i++ {
		ch <- i * 10
	}
	close(ch)
	for i := 0; i < 5; i++ {
		v, ok := <-ch
		println(v, ok)
	}
	done := make(chan struct{})
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			<-done
			results <- i
		}()
	}
	close(done)
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	println("broadcast via close, sum:", sum)
	b := make(chan bool)
	close(b)
	println(<-b)
}
