package main

func main() {
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i * 2
	}
	for k := range m {
		if k%3 != 0 {
			delete(m, k)
		}
	}
	println(len(m))
	sum := 0
	for k, v := range m {
		sum += k + v
	}
	println(sum)
	clear(m)
	println(len(m), m[3])
	m[7] = 1
	println(len(m))
	for k := range m {
		delete(m, k)
	}
	println(len(m))
	var nm map[string]bool
	clear(nm)
	println(len(nm))
}
