package main

func main() {
	c := make(chan int)
	done := make(chan string, 10)
	for i := 0; i < 5; i++ {
		go func() {
			v, ok := <-c
			if !ok && v == 0 {
				done <- "closed"
			} else {
				done <- "value"
			}
		}()
	}
	close(c)
	n := 0
	for i := 0; i < 5; i++ {
		if <-done == "closed" {
			n++
		}
	}
	println("woken by close:", n)
	// senders blocked on a channel that is then closed panic
	s := make(chan int)
	res := make(chan string)
	for i := 0; i < 3; i++ {
		go func() {
			defer func() {
				if r := recover(); r != nil {
					res <- r.(error).Error()
				} else {
					res <- ""
				}
			}()
			s <- 1
		}()
	}
	// let one send through
	<-s
	println(<-res == "")
	close(s)
	for i := 0; i < 2; i++ {
		println(<-res)
	}
}
