package main

func player(name string, in <-chan int, out chan<- int, done chan<- string) {
	for {
		v, ok := <-in
		if !ok {
			done <- name
			return
		}
		if v >= 10 {
			close(out)
			done <- name
			return
		}
		println(name, v)
		out <- v + 1
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan string)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0
	a := <-done
	b := <-done
	println("finished:", a != b)
}
