package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	type result struct{ n, v int }
	ch := make(chan result)
	for i := 20; i < 26; i++ {
		go func() { ch <- result{i, fib(i)} }()
	}
	got := map[int]int{}
	for range 6 {
		r := <-ch
		got[r.n] = r.v
	}
	for i := 20; i < 26; i++ {
		println(i, got[i])
	}
}
