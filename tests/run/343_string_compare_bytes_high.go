package main

func cmp(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func main() {
	strs := []string{"", "\x00", "\x00\x00", "\x7f", "\x80", "\xff", "\xff\xff", "a", "aa", "ab", "b", "é", "e\u0301", "日本", "日本語", "\U0001F600", "z\x00", "z"}
	for _, a := range strs {
		for _, b := range strs {
			print(cmp(a, b) + 1)
		}
		println()
	}
	bs := []byte("hello")
	s := string(bs)
	bs[0] = 'j'
	println(s, string(bs), s < string(bs), string(bs[:2]) == "je")
	long1 := ""
	long2 := ""
	for i := 0; i < 1000; i++ {
		long1 += "x"
		long2 += "x"
	}
	long2 += "y"
	println(long1 < long2, long1 == long2[:1000], long2 > long1)
	var x, y string = "abc", "abd"
	println(x <= y, x >= y, x != y, min(x, y), max(x, y))
	println("a"+"b" == "ab", ("a" + x)[1:] == x)
}
