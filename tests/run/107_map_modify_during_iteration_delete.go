package main

func main() {
	m := map[int]bool{}
	for i := 0; i < 50; i++ {
		m[i] = true
	}
	n := 0
	for k := range m {
		delete(m, k)
		delete(m, 49-k)
		n++
	}
	println("iterations:", n, "left:", len(m))
	m2 := map[string]int{"a": 1, "b": 2, "c": 3}
	for k, v := range m2 {
		m2[k] = v * 10
	}
	println(m2["a"], m2["b"], m2["c"], len(m2))
	m3 := map[int]int{1: 1}
	for k := range m3 {
		clear(m3)
		println("cleared during range", k)
	}
	println(len(m3))
}
