package main

func main() {
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		if i == 2 {
			println("array value copy:", v)
		}
	}
	arr = [3]int{1, 2, 3}
	for i, v := range &arr {
		arr[2] = 100
		if i == 2 {
			println("array pointer:", v)
		}
	}
	sl := []int{1, 2, 3}
	for i, v := range sl {
		if i == 0 {
			sl = append(sl, 4, 5)
			sl[2] = 30
		}
		print(v, " ")
	}
	println(len(sl))
	sl = []int{1, 2, 3}
	for i := range sl {
		sl = sl[:1]
		print(i, " ")
	}
	println()
	s := "abc"
	for i, c := range s {
		s = "zzzzzz"
		print(i, c, " ")
	}
	println(s)
	m := map[int]int{1: 1}
	cnt := 0
	for range m {
		m = map[int]int{1: 1, 2: 2, 3: 3}
		cnt++
	}
	println(cnt)
	n := 3
	for i := range n {
		n = 10
		print(i, " ")
	}
	println(n)
	var u8 uint8 = 3
	for i := range u8 {
		var x uint8 = i
		x--
		print(x, " ")
	}
	println()
	type MyInt int16
	for i := range MyInt(3) {
		print(i*1000, " ")
	}
	println()
	for i := range 0 {
		println("never", i)
	}
	neg := -5
	for range neg {
		println("never")
	}
	var fs [3]func() int
	for i := range fs {
		fs[i] = func() int { return i * 10 }
	}
	println(fs[0](), fs[1](), fs[2]())
}
