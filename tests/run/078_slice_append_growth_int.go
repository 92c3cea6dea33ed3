package main

func main() {
	var s []int
	lastCap := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != lastCap {
			println("len", len(s), "cap", cap(s))
			lastCap = cap(s)
		}
	}
	t := make([]int, 0, 5)
	t = append(t, 1, 2, 3, 4, 5, 6)
	println("5->", len(t), cap(t))
	u := []int{1, 2, 3}
	u = append(u, u...)
	println(len(u), cap(u))
	v := append([]int(nil), make([]int, 13)...)
	println(len(v), cap(v))
}
