package main

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	var buf [20]byte
	i := len(buf)
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

func repeat(s string, n int) string {
	b := make([]byte, 0, len(s)*n)
	for i := 0; i < n; i++ {
		b = append(b, s...)
	}
	return string(b)
}

func main() {
	for _, n := range []int{0, 7, -7, 1234567890, -9223372036854775807} {
		println(itoa(n))
	}
	println(repeat("ab", 5), repeat("x", 0) == "")
	b := []byte{}
	for i := 0; i < 5; i++ {
		b = append(b, itoa(i*i)...)
		b = append(b, ',')
	}
	println(string(b))
}
