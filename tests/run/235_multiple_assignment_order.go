package main

func main() {
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	println(a, b, c)
	s := []int{10, 20, 30}
	i := 0
	i, s[i] = 1, 99
	println(i, s[0], s[1])
	x := []int{1, 2, 3}
	j := 0
	x[j], j = 100, 2
	println(x[0], x[2], j)
	m := map[string]int{}
	k := "a"
	m[k], k = 1, "b"
	println(m["a"], m["b"], k)
	p, q := 1, 2
	p, q = q, p+q
	println(p, q)
	arr := [3]int{1, 2, 3}
	arr[0], arr[2] = arr[2], arr[0]
	println(arr[0], arr[1], arr[2])
}
