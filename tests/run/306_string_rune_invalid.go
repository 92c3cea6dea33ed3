package main

func main() {
	runes := []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1, -0x7fffffff}
	for _, r := range runes {
		s := string(r)
		println(r, len(s), []byte(s)[0])
	}
	var i64 int64 = 1 << 40
	println(len(string(rune(i64))), string(rune(i64)) == "\uFFFD")
	var u8 uint8 = 200
	println(string(rune(u8)), len(string(rune(u8))))
	s := "a\xffb\xc0\x80c\xed\xa0\x80d\xf4\x90\x80\x80e\xe2\x82"
	rs := []rune(s)
	println(len(rs))
	for _, r := range rs {
		print(r, " ")
	}
	println()
	back := string(rs)
	println(len(back), back == s)
	bad := []rune{0xd800, -5, 0x110000, 'x'}
	t := string(bad)
	println(len(t))
	for i, r := range t {
		print(i, ":", r, " ")
	}
	println()
}
