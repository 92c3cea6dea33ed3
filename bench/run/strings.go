// Benchmark string building: repeated concatenation with += (a new string
// each time), []byte appends converted to a string, and byte-wise scans
// and comparisons of the results.
//
// Constructs: string +, string(b), []byte append of bytes and of a
// string (append(b, s...)), indexing a string, len, string comparison.
package main

func digits(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func hash(s string) int {
	h := 0
	for i := 0; i < len(s); i++ {
		h = h*31 + int(s[i])
	}
	return h
}

func main() {
	check := 0
	for round := 0; round < 40; round++ {
		s := ""
		for i := 0; i < 1500; i++ {
			s += digits(i) + ","
		}
		check += hash(s) + len(s)
	}
	var b []byte
	for round := 0; round < 2000; round++ {
		b = b[:0]
		for i := 0; i < 5000; i++ {
			b = append(b, "item"...)
			b = append(b, byte('a'+i%26))
			b = append(b, ';')
		}
		s := string(b)
		check += hash(s)
		if s > "item" {
			check++
		}
	}
	println("strings", len(b), check)
}
