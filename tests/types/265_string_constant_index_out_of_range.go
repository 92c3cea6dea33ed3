package main

func main() {
	const s = "abc"
	_ = s[10]
}
