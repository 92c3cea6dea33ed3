package main

func join(parts []string, sep string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func main() {
	a := "foo"
	b := "bar"
	c := a + b
	println(c, len(c))
	c += "!"
	println(c)
	println(a + " " + b + " " + c)
	println(join([]string{"x", "y", "z"}, ", "))
	println(join(nil, ","), "|")
	s := ""
	for i := 0; i < 10; i++ {
		s += string(rune('a' + i))
	}
	println(s)
	long := ""
	for i := 0; i < 100; i++ {
		long += "ab"
	}
	println(len(long), long[98:102])
	x := a
	x += "d"
	println(a, x)
	e := "" + "" + a + ""
	println(e == a)
}
