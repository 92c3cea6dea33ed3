package main

// Range-over-func bodies that defer to their enclosing function while
// the iterator, recursing deep enough to run on later stack segments,
// has deferred calls of its own: the calls run in gc's order, and a
// panic in the body is recovered by the enclosing function.

var order []int

func deep(n int, f func() bool) bool {
	if n == 0 {
		return f()
	}
	return deep(n-1, f)
}

func seq(depth int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer func() { order = append(order, -depth) }()
		for i := 0; i < 3; i++ {
			if !deep(depth*(i+1), func() bool { return yield(i) }) {
				return
			}
		}
	}
}

func walk(depth int, panicAt int) (n int) {
	defer func() {
		if r := recover(); r != nil {
			order = append(order, 1000+r.(int))
		}
	}()
	for i := range seq(depth) {
		defer func() { order = append(order, 100*depth+i) }()
		if i == panicAt {
			panic(i)
		}
		n += i
	}
	return n
}

func rec(n, depth, panicAt int) int {
	if n == 0 {
		return walk(depth, panicAt)
	}
	return rec(n-1, depth, panicAt)
}

func main() {
	done := make(chan int)
	go func() { done <- rec(20000, 40000, -1) }()
	println("sum:", <-done)
	go func() { done <- rec(30000, 50000, 2) }()
	println("sum:", <-done)
	for _, v := range order {
		print(v, " ")
	}
	println()
}
