package main

func main() {
	m := map[int]int{}
	for i := 0; i < 200000; i++ {
		m[i*7] = i
	}
	println(len(m))
	sum := 0
	for k, v := range m {
		if k != v*7 {
			println("bad", k, v)
		}
		sum += v
	}
	println(sum)
	for i := 0; i < 200000; i += 2 {
		delete(m, i*7)
	}
	println(len(m), m[7], m[14])
	// delete every entry during range: each visited at most once
	seen := 0
	for k := range m {
		delete(m, k)
		seen++
	}
	println(seen, len(m))
	// delete others during range: deleted entries not yet reached are not produced
	m2 := map[int]bool{}
	for i := 0; i < 1000; i++ {
		m2[i] = true
	}
	visited := 0
	for k := range m2 {
		visited++
		if k%2 == 0 {
			delete(m2, k+1)
		} else {
			delete(m2, k-1)
		}
	}
	println(visited, len(m2), visited == len(m2))
	sm := map[string][]int{}
	for i := 0; i < 5000; i++ {
		key := string(rune('a'+i%26)) + string(rune('a'+i/26%26))
		sm[key] = append(sm[key], i)
	}
	println(len(sm), len(sm["aa"]), sm["ba"][0], sm["zz"][len(sm["zz"])-1])
	clear(sm)
	println(len(sm), sm["aa"] == nil)
	sm["x"] = nil
	println(len(sm))
}
