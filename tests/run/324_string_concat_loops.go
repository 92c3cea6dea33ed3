package main

func main() {
	s := ""
	for i := 0; i < 10000; i++ {
		s += string(rune('a' + i%26))
	}
	println(len(s), s[:30], s[len(s)-5:])
	t := ""
	for i := 0; i < 300; i++ {
		t = string(rune('0'+i%10)) + t + "|"
	}
	println(len(t), t[:12], t[len(t)-3:])
	parts := []string{"α", "β", "γ", ""}
	u := ""
	for i := 0; i < 100; i++ {
		u += parts[i%4] + parts[(i+1)%4] + "-"
	}
	println(len(u), u[:20])
	a, b, c, d, e := "a", "bb", "", "dddd", "é"
	w := a + b + c + d + e + a + b + c + d + e
	println(w, len(w))
	var bs []byte
	for i := 0; i < 1000; i++ {
		bs = append(bs, "xy"...)
	}
	println(len(bs), string(bs[:6]))
	cmp := 0
	for i := 0; i < 100; i++ {
		x := s[i : i+3]
		y := s[i+26 : i+29]
		if x == y {
			cmp++
		}
		if x < y || x > y {
			cmp += 1000
		}
	}
	println(cmp)
	r := ""
	for _, ch := range "héllo, wörld" {
		r = string(ch) + r
	}
	println(r)
}
