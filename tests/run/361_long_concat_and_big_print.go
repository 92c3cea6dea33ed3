package main

func main() {
	a, b, c, d, e, f, g, h := "a", "bb", "ccc", "", "é", "ff", "g", "hhhh"
	s := a + b + c + d + e + f + g + h + a + b + c + d + e + f + g + h
	println(s, len(s))
	t := "<" + s + ">" + s[:3] + string(s[4]) + "|"
	println(t, len(t))
	big := ""
	for i := 0; i < 12; i++ {
		big += big + "x"
	}
	println(len(big))
	line := ""
	for i := 0; i < 2000; i++ {
		line += string(rune('a' + i%26))
	}
	println(line)
	print(line[:100], "\n")
	bs := make([]byte, 1<<20)
	for i := range bs {
		bs[i] = byte('A' + i%26)
	}
	str := string(bs)
	println(len(str), str[1<<20-3:])
	e2 := ""
	for i := 0; i < 5; i++ {
		e2 = e2 + "" + ""
	}
	println(len(e2), e2 == "")
}
