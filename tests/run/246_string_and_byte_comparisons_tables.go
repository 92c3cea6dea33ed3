package main

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func bytesEqual(a, b []byte) bool {
	return string(a) == string(b)
}

func main() {
	pairs := [][2]string{{"", ""}, {"", "a"}, {"a", ""}, {"abc", "abd"}, {"abc", "ab"}, {"Z", "a"}, {"é", "z"}, {"\x00", ""}, {"same", "same"}}
	for _, p := range pairs {
		print(compare(p[0], p[1]), " ")
	}
	println()
	println(bytesEqual([]byte("x"), []byte("x")), bytesEqual(nil, []byte{}), bytesEqual([]byte("x"), []byte("y")))
	var sb []byte
	for i := 0; i < 3; i++ {
		sb = append(sb, "ab"[i%2])
	}
	println(string(sb) == "aba", string(sb) < "abb", len(string(sb)))
	key := string([]byte{104, 105})
	m := map[string]bool{"hi": true}
	println(m[key], m[string(sb[:2])])
}
