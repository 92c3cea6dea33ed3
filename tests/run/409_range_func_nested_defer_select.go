package main

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer println("seq", n, "done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func nestedDefer() (out string) {
	defer func() { out += "|end" }()
	for i := range seq(2) {
		for j := range seq(2) {
			defer func() { out += "d" + string(rune('0'+i)) + string(rune('0'+j)) }()
		}
	}
	return "body"
}

func withSelect() int {
	c := make(chan int, 10)
	for i := 0; i < 10; i++ {
		c <- i
	}
	total := 0
outer:
	for v := range seq(100) {
		select {
		case x := <-c:
			if x == 3 {
				continue outer
			}
			if x == 6 {
				break outer
			}
			total += x * v
		default:
			break outer
		}
	}
	return total
}

func switchInBody() (s string) {
	for v := range seq(5) {
		switch {
		case v == 1:
			continue
		case v == 3:
			s += "!"
			break
		case v == 4:
			return s + "ret"
		}
		s += string(rune('a' + v))
	}
	return "unreachable"
}

func main() {
	println(nestedDefer())
	println(withSelect())
	println(switchInBody())
}
