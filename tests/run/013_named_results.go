package main

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func early(x int) (result int, ok bool) {
	if x < 0 {
		return
	}
	result = x * 2
	ok = true
	return result, ok
}

func main() {
	q, r := divmod(47, 6)
	println(q, r)
	println(early(-1))
	println(early(21))
}
