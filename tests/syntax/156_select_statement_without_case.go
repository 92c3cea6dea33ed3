package main

func main() {
	ch := make(chan int)
	select {
		v := <-ch
	}
}
