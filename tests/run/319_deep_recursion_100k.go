package main

type Big struct {
	a [16]int
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func withFrame(n int, b Big) int {
	if n == 0 {
		return b.a[3]
	}
	b.a[3]++
	return withFrame(n-1, b)
}

func sumList(n int, acc *[]int) {
	if n == 0 {
		return
	}
	*acc = append(*acc, n)
	defer func() { (*acc)[0] += 0 }()
	sumList(n-1, acc)
}

func main() {
	println(depth(100000))
	println(depth(1000000))
	println(withFrame(100000, Big{}))
	var acc []int
	sumList(50000, &acc)
	println(len(acc), acc[0], acc[len(acc)-1])
	ch := make(chan int)
	go func() { ch <- depth(10000) }()
	println(<-ch)
}
