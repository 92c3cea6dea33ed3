package main

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * 2
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 5; i++ {
		reply := make(chan int)
		reqs <- request{i, reply}
		print(<-reply, " ")
	}
	println()
	close(reqs)
	chans := make(chan chan string, 2)
	c1 := make(chan string, 1)
	c1 <- "inner"
	chans <- c1
	println(<-<-chans)
}
