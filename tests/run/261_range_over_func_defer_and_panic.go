package main

// defer inside range-over-func bodies (nested too) defers to the
// enclosing function; the iterators' own deferred calls run when they
// return; a panic in a body unwinds through the iterator and is
// recovered by the enclosing function's deferred call.

func Seq(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer println("  iterator", name, "cleanup")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func nestedDefers() (log []int) {
	defer func() { log = append(log, 999) }()
	for i := range Seq("outer", 2) {
		defer func() { log = append(log, i) }()
		for j := range Seq("inner", 2) {
			defer func() { log = append(log, 10*(i+1)+j) }()
		}
	}
	println("  loops over")
	return []int{}
}

func recovered() (r string) {
	defer func() {
		if x := recover(); x != nil {
			r = "recovered: " + x.(string)
		}
	}()
	for i := range Seq("p", 5) {
		defer println("  deferred in body", i)
		if i == 2 {
			panic("boom at two")
		}
	}
	return "no panic"
}

func divide(a, b int) (q int, err string) {
	defer func() {
		if x := recover(); x != nil {
			err = "caught"
		}
	}()
	for range Seq("div", 1) {
		q = a / b
	}
	return q, "ok"
}

func main() {
	for _, v := range nestedDefers() {
		print(v, " ")
	}
	println()
	println(recovered())
	q, e := divide(7, 2)
	println(q, e)
	q, e = divide(7, 0)
	println(q, e)
}
