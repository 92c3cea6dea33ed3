package main

func order(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func main() {
	words := "banana"
	println(words == "banana", words != "banana", words == "apple")
	println(order("a", "b"), order("b", "a"), order("abc", "abc"))
	println(order("", "a"), order("ab", "abc"), order("\xff", "z"))
	println("abc" <= "abd", "b" >= "abc", "" == "")
	switch words {
	case "apple":
		println("apple")
	case "banana", "cherry":
		println("found", words)
	}
}
