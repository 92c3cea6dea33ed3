// Benchmark maps: inserts, lookups (hits and misses, with comma-ok),
// deletes and a count by range, on map[int]int, plus a word-count style
// map[string]int.
//
// Constructs: make(map[K]V), m[k] = v, v, ok := m[k], delete, len, range
// over a map, string keys.
package main

func main() {
	m := make(map[int]int)
	const n = 200_000
	for i := 0; i < n; i++ {
		m[i*7] = i
	}
	hits, sum := 0, 0
	for round := 0; round < 5; round++ {
		for i := 0; i < n*2; i++ {
			if v, ok := m[i*7/2]; ok {
				hits++
				sum += v
			}
		}
	}
	for i := 0; i < n; i += 3 {
		delete(m, i*7)
	}
	evens := 0
	for k, v := range m {
		if k%2 == 0 {
			evens++
		}
		sum += v
	}
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	counts := make(map[string]int)
	for i := 0; i < 600_000; i++ {
		counts[words[(i*5+i/7)%len(words)]]++
	}
	wsum := 0
	for w, c := range counts {
		wsum += len(w) * c
	}
	println("maps", len(m), hits, evens, sum, len(counts), wsum)
}
