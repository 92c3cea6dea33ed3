package main

// Panics deep in a goroutine whose stack grew far past its first
// segment: deferred calls at many depths run deepest first, recover
// resumes frames in older segments, and the goroutine recurses again
// afterwards on the same stack.

var log []int

func down(n, deferEvery, panicAt int) int {
	if n%deferEvery == 0 {
		defer func() { log = append(log, n) }()
	}
	if n == panicAt {
		panic(n)
	}
	if n == 0 {
		return 0
	}
	return down(n-1, deferEvery, panicAt) + 1
}

func catchAt(n, deferEvery, panicAt, catchDepth int) (r int) {
	if n == catchDepth {
		defer func() {
			if v := recover(); v != nil {
				r = -v.(int)
			}
		}()
		return down(n-1, deferEvery, panicAt)
	}
	return catchAt(n-1, deferEvery, panicAt, catchDepth) + 1
}

func main() {
	done := make(chan int)
	go func() {
		defer func() {
			v := recover()
			println("recovered at the top:", v.(int), "defers ran:", len(log), "first", log[0], "last", log[len(log)-1])
			log = nil
			// The stack is usable again: deep, then a catch in the middle.
			println("after:", down(250000, 1000000, -1))
			r := catchAt(300000, 50000, 10, 150000)
			println("caught in the middle:", r, "defers ran:", len(log), "first", log[0], "last", log[len(log)-1])
			log = nil
			println("again:", catchAt(300000, 100000, 20, 290000))
			println("and deeper:", down(400000, 1000000, -1))
			done <- len(log)
		}()
		down(300000, 25000, 5)
	}()
	println("log left:", <-done)
}
