package main

type node struct {
	next *node
	buf  [64]byte
}

func churn(n int) int {
	var keep *node
	total := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 1<<20)
		b[i%len(b)] = byte(i)
		total += int(b[i%len(b)])
		nd := &node{next: keep}
		if i%100 == 0 {
			keep = nd
		}
	}
	c := 0
	for p := keep; p != nil; p = p.next {
		c++
	}
	return total + c
}

func main() {
	// 4 GiB of short-lived allocations: needs a collector.
	println(churn(4096))
	s := ""
	for i := 0; i < 20000; i++ {
		s = string(make([]byte, 10000))[:i%100]
	}
	println(len(s))
	m := map[int][]int{}
	for i := 0; i < 200000; i++ {
		m[i%1000] = make([]int, 100)
	}
	println(len(m))
}
