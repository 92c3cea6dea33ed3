package main

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func main() {
	for _, s := range []string{"", "abc", "é", "日本語", "😀😀", "a\xffb"} {
		println(len(s), runeCount(s), len([]rune(s)))
	}
	const c = "héllo"
	var arr [len(c)]int
	println(len(arr))
	upper := []byte("Hello World 123")
	for i, ch := range upper {
		if ch >= 'a' && ch <= 'z' {
			upper[i] = ch - 32
		}
	}
	println(string(upper))
}
