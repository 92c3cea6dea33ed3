package main

func index(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func count(s, sub string) int {
	n := 0
	for {
		i := index(s, sub)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(sub):]
	}
}

func split(s, sep string) []string {
	var out []string
	for {
		i := index(s, sep)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(sep):]
	}
}

func main() {
	s := "the cat sat on the mat with the hat"
	println(index(s, "the"), index(s, "mat"), index(s, "dog"), index(s, ""))
	println(count(s, "the"), count(s, "at"))
	parts := split("a,b,,c", ",")
	println(len(parts))
	for _, p := range parts {
		println("[" + p + "]")
	}
}
