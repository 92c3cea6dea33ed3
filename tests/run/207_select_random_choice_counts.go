package main

func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 2
	}
	fromA, fromB := 0, 0
	for i := 0; i < 100; i++ {
		select {
		case <-a:
			fromA++
		case <-b:
			fromB++
		}
	}
	println("total:", fromA+fromB)
	println("both chosen:", fromA > 0 && fromB > 0)
	println("remaining:", len(a)+len(b))
}
