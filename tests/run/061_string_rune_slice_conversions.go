package main

func main() {
	s := "héllo世"
	r := []rune(s)
	println(len(r), len(s))
	for _, c := range r {
		print(c, " ")
	}
	println()
	r[1] = 'e'
	r[5] = '!'
	println(string(r))
	bad := []rune{0x41, -1, 0xD800, 0x10FFFF, 0x110000, 0x42}
	out := string(bad)
	println(len(out))
	for i := 0; i < len(out); i++ {
		print(out[i], " ")
	}
	println()
	var empty []rune
	println("[" + string(empty) + "]")
	println(string([]rune("abc")[1:]))
}
