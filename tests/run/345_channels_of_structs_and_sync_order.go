package main

type Msg struct {
	id   int
	text string
	data [4]int
}

func producer(id int, out chan<- Msg, n int) {
	for i := 0; i < n; i++ {
		out <- Msg{id, "m", [4]int{id, i, id * i, -1}}
	}
}

func main() {
	c := make(chan Msg)
	done := make(chan int)
	go func() {
		sum := 0
		for m := range c {
			sum += m.data[0]*1000 + m.data[1] + m.data[2]
		}
		done <- sum
	}()
	for p := 1; p <= 3; p++ {
		producer(p, c, 5)
	}
	close(c)
	println(<-done)
	// ping-pong ordering is deterministic on unbuffered channels
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	for i := 0; i < 5; i++ {
		ping <- i
		print(<-pong, " ")
	}
	close(ping)
	_, ok := <-pong
	println(ok)
	// a chain of goroutines passing a token
	const N = 100
	first := make(chan int)
	in := first
	for i := 0; i < N; i++ {
		next := make(chan int)
		go func(in <-chan int, out chan<- int) {
			out <- 1 + <-in
		}(in, next)
		in = next
	}
	first <- 0
	println(<-in)
	// buffered channel of arrays: values are copies
	bc := make(chan [3]string, 2)
	a := [3]string{"a", "b", "c"}
	bc <- a
	a[0] = "z"
	bc <- a
	x, y := <-bc, <-bc
	println(x[0], y[0], len(bc))
	var nilc chan Msg
	select {
	case m := <-nilc:
		println("never", m.id)
	default:
		println("nil channel not ready")
	}
}
