package main

func main() {
	s := "aé世😀"
	for i, r := range s {
		println(i, r, string(r))
	}
	n := 0
	for range s {
		n++
	}
	println("runes:", n, "bytes:", len(s))
	for i := range s {
		print(i, " ")
	}
	println()
	var last rune
	for _, r := range "xyz" {
		last = r
	}
	println("last:", last)
}
