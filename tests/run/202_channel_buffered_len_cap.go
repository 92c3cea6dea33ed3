package main

func main() {
	ch := make(chan string, 3)
	println(len(ch), cap(ch))
	ch <- "a"
	ch <- "b"
	println(len(ch), cap(ch))
	println(<-ch)
	ch <- "c"
	ch <- "d"
	println(len(ch))
	for len(ch) > 0 {
		print(<-ch, " ")
	}
	println()
	var nilch chan int
	println(len(nilch), cap(nilch))
	un := make(chan int)
	println(len(un), cap(un))
	close(ch)
	v, ok := <-ch
	println(v == "", ok, len(ch))
}
