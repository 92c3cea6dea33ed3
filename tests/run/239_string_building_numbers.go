package main

func ftoa(f float64, prec int) string {
	neg := f < 0
	if neg {
		f = -f
	}
	whole := int64(f)
	frac := f - float64(whole)
	s := ""
	if whole == 0 {
		s = "0"
	}
	for whole > 0 {
		s = string(rune('0'+whole%10)) + s
		whole /= 10
	}
	if prec > 0 {
		s += "."
		for i := 0; i < prec; i++ {
			frac *= 10
			d := int(frac)
			s += string(rune('0' + d))
			frac -= float64(d)
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

func hex(u uint64) string {
	const digits = "0123456789abcdef"
	if u == 0 {
		return "0x0"
	}
	var b []byte
	for u > 0 {
		b = append([]byte{digits[u&15]}, b...)
		u >>= 4
	}
	return "0x" + string(b)
}

func main() {
	println(ftoa(3.25, 2), ftoa(-0.5, 3), ftoa(100, 0), ftoa(2.0/3, 4))
	println(hex(0), hex(255), hex(0xdeadbeef), hex(^uint64(0)))
}
