package main

func main() {
	vals := []int{65, 0x263A, 0x1F600, -1, 0xD800, 0x110000, 0}
	for _, v := range vals {
		s := string(rune(v))
		print(len(s), ":")
		for i := 0; i < len(s); i++ {
			print(" ", s[i])
		}
		println()
	}
	var b byte = 'z'
	println(string(rune(b)))
	var r rune = 'é'
	println(string(r), len(string(r)))
	var u8 uint8 = 200
	println(len(string(rune(u8))))
}
