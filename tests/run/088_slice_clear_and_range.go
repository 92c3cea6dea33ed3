package main

func main() {
	s := []int{1, 2, 3, 4}
	clear(s)
	println(len(s), s[0], s[3])
	t := []string{"a", "b"}
	clear(t[1:])
	println(t[0], t[1] == "")
	var n []int
	clear(n)
	println(len(n))
	u := []int{1, 2, 3}
	for i := range u {
		u = append(u, i)
	}
	println("appending during range:", len(u))
	v := []int{1, 2, 3, 4, 5}
	cnt := 0
	for i, x := range v {
		if i == 0 {
			v = v[:2]
		}
		cnt += x
	}
	println("shrinking header during range:", cnt, len(v))
	w := []int{10, 20, 30}
	for i := range w {
		w[i] += i
	}
	println(w[0], w[1], w[2])
}
