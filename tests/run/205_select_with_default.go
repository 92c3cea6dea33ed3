package main

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		println("received", v)
	default:
		println("nothing ready")
	}
	ch <- 5
	select {
	case v := <-ch:
		println("received", v)
	default:
		println("nothing ready")
	}
	ch <- 1
	select {
	case ch <- 2:
		println("sent")
	default:
		println("buffer full")
	}
	full := 0
	out := make(chan int, 3)
	for i := 0; i < 10; i++ {
		select {
		case out <- i:
		default:
			full++
		}
	}
	println("dropped:", full, "buffered:", len(out))
	select {
	default:
		println("only default")
	}
}
