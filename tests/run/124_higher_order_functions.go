package main

func mapInts(s []int, f func(int) int) []int {
	out := make([]int, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

func filter(s []int, keep func(int) bool) []int {
	var out []int
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func reduce(s []int, init int, f func(int, int) int) int {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	sq := mapInts(nums, func(x int) int { return x * x })
	ev := filter(sq, func(x int) bool { return x%2 == 0 })
	total := reduce(ev, 0, func(a, b int) int { return a + b })
	println(len(sq), len(ev), total)
	for _, v := range ev {
		print(v, " ")
	}
	println()
	prod := reduce(nums[:5], 1, func(a, b int) int { return a * b })
	println(prod)
	threshold := 50
	big := filter(sq, func(x int) bool { return x > threshold })
	println(len(big))
}
