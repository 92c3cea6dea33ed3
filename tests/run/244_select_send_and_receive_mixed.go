package main

func main() {
	in := make(chan int)
	out := make(chan int, 1)
	go func() {
		for i := 1; i <= 3; i++ {
			in <- i
		}
		close(in)
	}()
	pending := []int{}
	received := 0
	sent := 0
	for in != nil || len(pending) > 0 {
		var sendCh chan int
		var next int
		if len(pending) > 0 {
			sendCh = out
			next = pending[0]
		}
		select {
		case v, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			received++
			pending = append(pending, v*100)
		case sendCh <- next:
			sent++
			pending = pending[1:]
			println("sent", next, "got back", <-out)
		}
	}
	println("received", received, "sent", sent)
}
