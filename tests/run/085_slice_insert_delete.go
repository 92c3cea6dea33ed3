package main

func insert(s []int, i, v int) []int {
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

func remove(s []int, i int) []int {
	return append(s[:i], s[i+1:]...)
}

func show(s []int) {
	for _, v := range s {
		print(v, " ")
	}
	println("len", len(s))
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	s = insert(s, 0, 0)
	show(s)
	s = insert(s, 3, 99)
	show(s)
	s = insert(s, len(s), 100)
	show(s)
	s = remove(s, 3)
	show(s)
	s = remove(s, 0)
	show(s)
	s = remove(s, len(s)-1)
	show(s)
	filtered := s[:0]
	for _, v := range s {
		if v%2 == 1 {
			filtered = append(filtered, v)
		}
	}
	show(filtered)
	show(s)
}
