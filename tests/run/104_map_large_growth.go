package main

func main() {
	m := map[int]int{}
	for i := 0; i < 100000; i++ {
		m[i*7] = i
	}
	println(len(m))
	ok := true
	for i := 0; i < 100000; i++ {
		if m[i*7] != i {
			ok = false
		}
	}
	println("all found:", ok)
	sum := 0
	for k := range m {
		sum += k
	}
	println("key sum:", sum)
	for i := 0; i < 100000; i += 2 {
		delete(m, i*7)
	}
	println(len(m))
	s := map[string]int{}
	for i := 0; i < 5000; i++ {
		k := string(rune('a'+i%26)) + string(rune('A'+i/26%26)) + string(rune('0'+i%10))
		s[k]++
	}
	println(len(s))
}
