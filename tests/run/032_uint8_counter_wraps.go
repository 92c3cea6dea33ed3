package main

func main() {
	var c uint8
	n := 0
	for {
		c++
		n++
		if c == 0 {
			break
		}
	}
	println(n)
	var s int8 = 100
	for i := 0; i < 3; i++ {
		s += 50
		println(s)
	}
}
