package main

func main() {
	results := make([]int, 5)
	done := make(chan bool)
	for i := range results {
		go func() {
			results[i] = i * i
			done <- true
		}()
	}
	for range results {
		<-done
	}
	for _, r := range results {
		print(r, " ")
	}
	println()
	counter := 0
	inc := make(chan int)
	fin := make(chan int)
	go func() {
		for d := range inc {
			counter += d
		}
		fin <- counter
	}()
	for i := 1; i <= 10; i++ {
		inc <- i
	}
	close(inc)
	println(<-fin)
}
