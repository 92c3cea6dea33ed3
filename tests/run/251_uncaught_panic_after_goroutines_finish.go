package main

func main() {
	done := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			done <- i * i
		}()
	}
	total := 0
	for i := 0; i < 3; i++ {
		total += <-done
	}
	println("total:", total)
	if total == 5 {
		panic("total is five")
	}
}
