package main

func main() {
	var fs []func() string
	for i := 0; i < 4; i++ {
		switch v := i * 10; {
		case v < 15:
			w := "small"
			fs = append(fs, func() string { w += "!"; return w + string(rune('0'+v/10)) })
		default:
			fs = append(fs, func() string { v++; return "big" + string(rune('0'+v%10)) })
		}
	}
	for _, f := range fs {
		print(f(), " ")
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	c := make(chan int, 3)
	c <- 1
	c <- 2
	c <- 3
	var gs []func() int
	for k := 0; k < 3; k++ {
		select {
		case x := <-c:
			gs = append(gs, func() int { x *= 2; return x })
		}
	}
	for _, g := range gs {
		print(g(), g(), " ")
	}
	println()
	var any1 any = "str"
	var hs []func() string
	switch t := any1.(type) {
	case string:
		hs = append(hs, func() string { t += "+"; return t })
		hs = append(hs, func() string { return t })
	}
	println(hs[0](), hs[1]())
	n := 0
	var ks []func() int
loop:
	if n < 3 {
		m := n
		ks = append(ks, func() int { return m })
		n++
		goto loop
	}
	println(ks[0](), ks[1](), ks[2]())
}
