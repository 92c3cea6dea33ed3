package main

// Entries added during a range may or may not be visited (the spec leaves
// it open); only properties that hold either way are printed.
func main() {
	m := map[int]int{}
	for i := 0; i < 8; i++ {
		m[i] = i
	}
	visited := 0
	for k := range m {
		visited++
		if k < 8 {
			m[k+100] = k
		}
	}
	println("len after:", len(m))
	println("visited at least the original 8:", visited >= 8, "at most 16:", visited <= 16)
	seen := map[int]bool{}
	for k := range m {
		if seen[k] {
			println("key visited twice:", k)
		}
		seen[k] = true
	}
	println("second range saw every key once:", len(seen) == len(m))
	sum := 0
	for k, v := range m {
		if k >= 100 {
			sum += v
		}
	}
	println("sum of added values:", sum)
}
