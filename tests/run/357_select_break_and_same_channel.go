package main

func main() {
	c := make(chan int, 1)
	count := 0
	for i := 0; i < 10; i++ {
		select {
		case c <- i:
			count += 1
		case v := <-c:
			count += 100
			if v > 5 {
				break
			}
			count += 1000
		}
	}
	println(count)
	d := make(chan int, 5)
	n := 0
	for i := 0; i < 3; i++ {
		select {
		case d <- i:
			n++
			break
		default:
			n += 10
		}
	}
	println(n, len(d))
	var closed = make(chan struct{})
	close(closed)
	hits := 0
	for i := 0; i < 100; i++ {
		select {
		case <-closed:
			hits++
		default:
			hits += 1000
		}
	}
	println(hits)
	x := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			x <- i
		}
		close(x)
	}()
	got := 0
L:
	for {
		select {
		case v, ok := <-x:
			if !ok {
				break L
			}
			got += v
		}
	}
	println(got)
	sel := func(ch chan int) (r string) {
		select {
		case v := <-ch:
			return "got " + string(rune('0'+v))
		default:
			return "none"
		}
	}
	e := make(chan int, 1)
	println(sel(e))
	e <- 4
	println(sel(e))
}
