package main

// Goroutines recursing with big frames: each frame holds a local array
// of 16,000 words (128,000 bytes, under gc's 128 KiB limit for stack
// variables), so a few frames fill a segment; and frames of mixed sizes.

func big(n int) int {
	var a [16000]int
	for i := range a {
		a[i] = n + i
	}
	if n == 0 {
		return a[15999]
	}
	return big(n-1) + a[n%16000] - n
}

func small(n int) int {
	if n == 0 {
		return 0
	}
	if n%1000 == 0 {
		return big(3) + small(n-1)
	}
	return small(n-1) + 1
}

func main() {
	done := make(chan int)
	go func() { done <- big(100) }()
	println("big:", <-done)
	go func() { done <- small(100000) }()
	println("mixed:", <-done)
}
