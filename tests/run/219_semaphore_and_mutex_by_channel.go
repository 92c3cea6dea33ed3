package main

func main() {
	mu := make(chan struct{}, 1)
	counter := 0
	done := make(chan bool)
	for g := 0; g < 10; g++ {
		go func() {
			for i := 0; i < 1000; i++ {
				mu <- struct{}{}
				counter++
				<-mu
			}
			done <- true
		}()
	}
	for g := 0; g < 10; g++ {
		<-done
	}
	println("counter:", counter)
	sem := make(chan int, 3)
	maxActive := 0
	active := 0
	lock := make(chan bool, 1)
	fin := make(chan bool)
	for i := 0; i < 8; i++ {
		go func() {
			sem <- 1
			lock <- true
			active++
			if active > maxActive {
				maxActive = active
			}
			<-lock
			lock <- true
			active--
			<-lock
			<-sem
			fin <- true
		}()
	}
	for i := 0; i < 8; i++ {
		<-fin
	}
	println("max active <= 3:", maxActive <= 3, "active now:", active)
}
