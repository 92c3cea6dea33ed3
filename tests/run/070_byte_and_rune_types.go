package main

func main() {
	var b byte = 'A'
	var r rune = 'A'
	println(b, r, b == 65, r == 65)
	b += 200
	println(b)
	r += 0x1F5FF
	println(r, string(r))
	var u uint8 = b
	println(u)
	digits := "0123456789abcdef"
	var out []byte
	n := 0xBEEF
	for n > 0 {
		out = append(out, digits[n%16])
		n /= 16
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	println(string(out))
	ch := 'z' - 'a'
	println(ch)
}
