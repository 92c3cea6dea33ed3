package main

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	println(n, dst[0], dst[1], dst[2])
	big := make([]int, 10)
	n = copy(big, src)
	println(n, big[4], big[5])
	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	n = copy(s[2:], s)
	println(n)
	for _, v := range s {
		print(v, " ")
	}
	println()
	s = []int{0, 1, 2, 3, 4, 5, 6, 7}
	n = copy(s, s[3:])
	println(n)
	for _, v := range s {
		print(v, " ")
	}
	println()
	b := make([]byte, 4)
	n = copy(b, "héllo")
	println(n, b[0], b[1], b[2], b[3])
	println(copy(b, ""), copy([]int(nil), src))
}
