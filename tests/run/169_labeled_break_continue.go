package main

func main() {
	matrix := [][]int{{1, 2, 3}, {4, -1, 6}, {7, 8, 9}}
	found := false
search:
	for i, row := range matrix {
		for j, v := range row {
			if v < 0 {
				println("negative at", i, j)
				found = true
				break search
			}
		}
	}
	println("found:", found)
	sum := 0
rows:
	for _, row := range matrix {
		for _, v := range row {
			if v < 0 {
				continue rows
			}
			sum += v
		}
	}
	println("sum:", sum)
	x := 0
sw:
	switch {
	case x == 0:
		for i := 0; i < 10; i++ {
			if i == 3 {
				break sw
			}
			x += i
		}
		x = 100
	}
	println("x:", x)
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	n := 0
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			n += v
		}
	}
	println("n:", n)
}
