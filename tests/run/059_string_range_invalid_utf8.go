package main

func main() {
	s := "a\xffb\xc3\xa9\xc3z\xe4\xb8\xf0\x9f\x98\x80\xed\xa0\x80!"
	for i, r := range s {
		println(i, r)
	}
	rs := []rune(s)
	println("rune count:", len(rs))
	back := string(rs)
	println("round trip len:", len(back), back == s)
	for i, r := range "\xc0\x80\xf8" {
		println("overlong/invalid:", i, r)
	}
}
