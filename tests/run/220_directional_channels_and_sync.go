package main

func send(out chan<- int, vals []int, done chan<- bool) {
	for _, v := range vals {
		out <- v
	}
	done <- true
}

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go send(ch, []int{1, 2, 3}, done)
	go send(ch, []int{10, 20, 30}, done)
	sum := 0
	finished := 0
	for finished < 2 {
		select {
		case v := <-ch:
			sum += v
		case <-done:
			finished++
		}
	}
	println("sum:", sum)
	var ro <-chan int = ch
	var so chan<- int = ch
	println(cap(ro), cap(so))
}
