package main

func show(s []int) {
	for _, x := range s {
		print(x, " ")
	}
	println("| len", len(s), "cap", cap(s))
}

func main() {
	s := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	n := copy(s[2:], s)
	println(n)
	show(s)
	s = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	n = copy(s, s[3:])
	println(n)
	show(s)
	b := []byte("hello, world")
	copy(b[1:], b)
	println(string(b))
	n = copy(b, "xyz")
	println(n, string(b))
	parent := []int{1, 2, 3, 4, 5}
	sub := parent[1:3]
	sub = append(sub, 100)
	show(parent)
	show(sub)
	capped := parent[1:3:3]
	capped = append(capped, 200)
	show(parent)
	show(capped)
	capped[0] = -1
	show(parent)
	a := make([]int, 3, 10)
	x := append(a, 1)
	y := append(a, 2)
	show(x)
	show(y)
	z := a[:0]
	z = append(z, 7, 8, 9, 10)
	show(a)
	show(z)
	var arr [5]string
	sl := arr[1:2:4]
	sl = append(sl, "a", "b")
	sl = append(sl, "c")
	sl[0] = "first"
	println(arr[1], arr[2], arr[3], arr[4] == "", len(sl), cap(sl) >= 4)
	self := []int{1, 2, 3}
	self = append(self[:1], self[2:]...)
	show(self)
	self = append(self, self...)
	show(self)
}
