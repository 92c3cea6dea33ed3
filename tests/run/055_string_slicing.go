package main

func main() {
	s := "hello, world"
	println(s[0:5], "|", s[7:], "|", s[:0], "|", s[12:], "|", s[:])
	println(len(s[3:8]), s[3:8])
	t := s[7:]
	u := t[1:3]
	println(u)
	w := "日本語"
	println(w[0:3], w[3:6], len(w[:4]))
	part := w[1:2]
	println("mid-rune byte:", part[0], len(part))
	for _, bounds := range [][2]int{{0, 12}, {5, 5}, {13, 13}, {6, 3}} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					println("panic:", r.(error).Error())
				}
			}()
			lo, hi := bounds[0], bounds[1]
			println("ok:", len(s[lo:hi]))
		}()
	}
}
