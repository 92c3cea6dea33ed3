package main

func classify(s string) string {
	switch s {
	case "":
		return "empty"
	case "a", "e", "i", "o", "u":
		return "vowel"
	case "hello":
		return "greeting"
	}
	if len(s) > 5 {
		return "long"
	}
	return "other"
}

func main() {
	for _, s := range []string{"", "a", "u", "b", "hello", "hello!", "abcdefg"} {
		println(s, classify(s))
	}
	x := "he"
	x += "llo"
	println(classify(x))
	switch {
	case x < "help":
		println("before help")
	default:
		println("after help")
	}
}
