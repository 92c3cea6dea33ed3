package main

func parse(s string) (n int, ok bool) {
	defer func() {
		if recover() != nil {
			n, ok = -1, false
		}
	}()
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			panic("bad digit")
		}
		n = n*10 + int(d)
	}
	return n, true
}

func main() {
	println(parse("123"))
	println(parse("12x"))
	println(parse(""))
}
