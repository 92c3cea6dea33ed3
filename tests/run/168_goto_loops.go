package main

func main() {
	i := 0
loop:
	if i < 5 {
		print(i, " ")
		i++
		goto loop
	}
	println()
	n := 27
	steps := 0
again:
	if n == 1 {
		goto finished
	}
	if n%2 == 0 {
		n /= 2
	} else {
		n = 3*n + 1
	}
	steps++
	goto again
finished:
	println("collatz steps:", steps)
	x := 0
	goto skip
skip:
	x++
	if x < 3 {
		goto skip
	}
	println("x:", x)
}
