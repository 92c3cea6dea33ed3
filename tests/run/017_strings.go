package main

var g = "global string"

func pick(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func main() {
	s := "héllo, 世界"
	println(s, len(s))
	println(pick(true), pick(false), len(pick(true)))
	println(g, len(g))
	var empty string
	println("[", empty, "]", len(empty))
	const c = "const" + "ant"
	println(c, len(c))
	print("no", "spaces", 1, 2, "\n")
}
