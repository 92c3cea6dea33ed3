package main

func main() {
	a := [3]int{1, 2, 3}
	for i, v := range a {
		a[2] = 100
		if i == 2 {
			println("range over array sees copy:", v)
		}
	}
	b := [3]int{1, 2, 3}
	for i, v := range &b {
		b[2] = 100
		if i == 2 {
			println("range over pointer sees update:", v)
		}
	}
	s := []int{1, 2, 3}
	for i, v := range s {
		s[2] = 100
		if i == 2 {
			println("range over slice sees update:", v)
		}
	}
	var p *[4]int
	n := 0
	for i := range p {
		n += i
	}
	println("range over nil array pointer (index only):", n)
	println(len(p))
}
