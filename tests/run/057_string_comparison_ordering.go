package main

func main() {
	words := []string{"", "a", "A", "ab", "abc", "abd", "b", "ä", "z", "Z", "\x00", "\xff"}
	for i := 0; i < len(words); i++ {
		for j := i + 1; j < len(words); j++ {
			if words[j] < words[i] {
				words[i], words[j] = words[j], words[i]
			}
		}
	}
	for _, w := range words {
		print("[", w, "]", len(w), " ")
	}
	println()
	println("abc" < "abd", "abc" <= "abc", "ab" < "abc", "b" > "abc")
	x := "hello"
	y := "hel"
	y += "lo"
	println(x == y, x != y, x >= y, x > y)
	println("a" < "a\x00", "\xff" > "\u00ff")
}
