package main

func Seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				println("  stopped at", i)
				return
			}
		}
	}
}

func main() {
	for i := range Seq(5) {
		if i == 2 {
			goto done
		}
		println("body", i)
	}
	println("not printed")
done:
	println("after goto")
	count := 0
loop:
	for i := range Seq(4) {
		switch {
		case i == 1:
			continue loop
		case i == 3:
			break loop
		}
		count += 10 + i
	}
	println("count", count)
	for i := range Seq(2) {
		for j := range 3 {
			if j == 2 {
				break
			}
			println(i, j)
		}
	}
}
