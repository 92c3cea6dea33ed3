package main

func collatzSteps(n int) int {
	steps := 0
loop:
	if n == 1 {
		goto done
	}
	if n%2 == 0 {
		n /= 2
	} else {
		n = 3*n + 1
	}
	steps++
	goto loop
done:
	return steps
}

func search(grid [][]int, want int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == want {
				return i, j
			}
		}
	}
	return -1, -1
}

func main() {
	println(collatzSteps(27), collatzSteps(1), collatzSteps(97))
	i := 0
	var fs []func() int
again:
	x := i * i
	fs = append(fs, func() int { return x })
	i++
	if i < 4 {
		goto again
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	grid := [][]int{{1, 2}, {3, 4, 5}, {6}}
	println(search(grid, 5))
	println(search(grid, 7))
	n := 0
	{
		n := 10
		n++
		_ = n
	}
	if n := 5; n > 3 {
		println("inner n", n)
	} else if m := n * 2; m > 0 {
		println("m", m)
	}
	switch n := "s"; n {
	case "s":
		println("switch n", n)
	}
	println("outer n", n)
	k := 0
outer:
	for {
		switch {
		case k > 5:
			break outer
		case k%2 == 0:
			k += 3
			continue outer
		}
		k++
	}
	println("k", k)
}
