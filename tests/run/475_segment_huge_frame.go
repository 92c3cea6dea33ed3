package main

// A goroutine calls a function whose frame (twenty local arrays of
// 15,000 words, each under gc's 128 KiB limit for stack variables: 2.4 MB
// in all) is bigger than a goroutine's first stack and than a first
// extra segment, then recurses with it.

func huge(n int) int {
	s := 0
	var a0 [15000]int
	for i := range a0 {
		a0[i] = n + 0 + i
	}
	s += a0[(n+0)%15000]
	var a1 [15000]int
	for i := range a1 {
		a1[i] = n + 1 + i
	}
	s += a1[(n+1)%15000]
	var a2 [15000]int
	for i := range a2 {
		a2[i] = n + 2 + i
	}
	s += a2[(n+2)%15000]
	var a3 [15000]int
	for i := range a3 {
		a3[i] = n + 3 + i
	}
	s += a3[(n+3)%15000]
	var a4 [15000]int
	for i := range a4 {
		a4[i] = n + 4 + i
	}
	s += a4[(n+4)%15000]
	var a5 [15000]int
	for i := range a5 {
		a5[i] = n + 5 + i
	}
	s += a5[(n+5)%15000]
	var a6 [15000]int
	for i := range a6 {
		a6[i] = n + 6 + i
	}
	s += a6[(n+6)%15000]
	var a7 [15000]int
	for i := range a7 {
		a7[i] = n + 7 + i
	}
	s += a7[(n+7)%15000]
	var a8 [15000]int
	for i := range a8 {
		a8[i] = n + 8 + i
	}
	s += a8[(n+8)%15000]
	var a9 [15000]int
	for i := range a9 {
		a9[i] = n + 9 + i
	}
	s += a9[(n+9)%15000]
	var a10 [15000]int
	for i := range a10 {
		a10[i] = n + 10 + i
	}
	s += a10[(n+10)%15000]
	var a11 [15000]int
	for i := range a11 {
		a11[i] = n + 11 + i
	}
	s += a11[(n+11)%15000]
	var a12 [15000]int
	for i := range a12 {
		a12[i] = n + 12 + i
	}
	s += a12[(n+12)%15000]
	var a13 [15000]int
	for i := range a13 {
		a13[i] = n + 13 + i
	}
	s += a13[(n+13)%15000]
	var a14 [15000]int
	for i := range a14 {
		a14[i] = n + 14 + i
	}
	s += a14[(n+14)%15000]
	var a15 [15000]int
	for i := range a15 {
		a15[i] = n + 15 + i
	}
	s += a15[(n+15)%15000]
	var a16 [15000]int
	for i := range a16 {
		a16[i] = n + 16 + i
	}
	s += a16[(n+16)%15000]
	var a17 [15000]int
	for i := range a17 {
		a17[i] = n + 17 + i
	}
	s += a17[(n+17)%15000]
	var a18 [15000]int
	for i := range a18 {
		a18[i] = n + 18 + i
	}
	s += a18[(n+18)%15000]
	var a19 [15000]int
	for i := range a19 {
		a19[i] = n + 19 + i
	}
	s += a19[(n+19)%15000]
	if n > 0 {
		s += huge(n - 1)
	}
	return s
}

func main() {
	done := make(chan int)
	go func() { done <- huge(0) }()
	println(<-done)
	go func() { done <- huge(3) }()
	println(<-done)
	println(huge(2))
}
