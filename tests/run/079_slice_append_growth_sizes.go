package main

type big struct {
	a, b, c int64
}

type odd struct {
	a int32
	b byte
}

func main() {
	var b []byte
	last := -1
	for i := 0; i < 5000; i++ {
		b = append(b, byte(i))
		if cap(b) != last {
			print(cap(b), " ")
			last = cap(b)
		}
	}
	println()
	var bs []big
	last = -1
	for i := 0; i < 500; i++ {
		bs = append(bs, big{})
		if cap(bs) != last {
			print(cap(bs), " ")
			last = cap(bs)
		}
	}
	println()
	var os []odd
	last = -1
	for i := 0; i < 500; i++ {
		os = append(os, odd{})
		if cap(os) != last {
			print(cap(os), " ")
			last = cap(os)
		}
	}
	println()
	var ss []string
	last = -1
	for i := 0; i < 300; i++ {
		ss = append(ss, "")
		if cap(ss) != last {
			print(cap(ss), " ")
			last = cap(ss)
		}
	}
	println()
	x := append([]byte("abc"), "defghijklmnopqrstuvwxyz0123456789"...)
	println(len(x), cap(x))
}
