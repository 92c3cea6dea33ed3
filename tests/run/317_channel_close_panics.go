package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name, "error:", e.Error())
		} else if r != nil {
			println(name, "value panic")
		} else {
			println(name, "ok")
		}
	}()
	f()
}

func main() {
	try("close closed", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("close nil", func() {
		var c chan int
		close(c)
	})
	try("send closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("send closed select", func() {
		c := make(chan int, 1)
		close(c)
		select {
		case c <- 1:
		default:
		}
	})
	try("recv closed", func() {
		c := make(chan string, 2)
		c <- "a"
		close(c)
		v, ok := <-c
		println(v, ok)
		v, ok = <-c
		println(v == "", ok)
		for range c {
			println("never")
		}
	})
	try("close recv-after buffered", func() {
		c := make(chan [3]int, 3)
		c <- [3]int{1, 2, 3}
		close(c)
		x := <-c
		y := <-c
		println(x[2], y[2], len(c), cap(c))
	})
	var c chan int
	close(c)
}
