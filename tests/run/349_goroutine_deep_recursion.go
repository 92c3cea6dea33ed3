package main

// A goroutine other than main recursing 200k frames deep: gc grows its
// stack (up to 1 GB); nothing overflows.

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

type frame struct{ a [8]int }

func heavy(n int, f frame) int {
	if n == 0 {
		return f.a[0]
	}
	f.a[0]++
	return heavy(n-1, f)
}

func main() {
	ch := make(chan int)
	go func() { ch <- depth(200000) }()
	println(<-ch)
	go func() { ch <- heavy(50000, frame{}) }()
	println(<-ch)
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() { depth(100000); done <- true }()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	println("all deep goroutines done")
}
