package main

func main() {
	c := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 5; i++ {
			c <- i
		}
		close(quit)
	}()
	sum := 0
loop:
	for {
		select {
		case v := <-c:
			sum += v
			if v == 100 {
				break
			}
		case <-quit:
			break loop
		}
	}
	println("sum", sum)
	// continue a labelled outer from within select
	d := make(chan int, 10)
	for i := 0; i < 10; i++ {
		d <- i
	}
	close(d)
	odd := 0
outer:
	for {
		select {
		case v, ok := <-d:
			if !ok {
				break outer
			}
			if v%2 == 0 {
				continue outer
			}
			odd += v
		}
	}
	println("odd", odd)
	// select inside switch inside for
	e := make(chan int, 1)
	n := 0
L:
	for i := 0; ; i++ {
		switch {
		case i > 3:
			break L
		default:
			e <- i
			select {
			case x := <-e:
				n += x
				if x == 2 {
					continue L
				}
			}
		}
		n += 100
	}
	println("n", n)
	// all-ready select: every case taken, deterministic totals
	a, b := make(chan int, 100), make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 2
	}
	t := 0
	for i := 0; i < 200; i++ {
		select {
		case x := <-a:
			t += x
		case y := <-b:
			t += y
		}
	}
	println("t", t, len(a), len(b))
}
