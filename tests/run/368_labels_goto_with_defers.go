package main

func work(n int) (out int) {
	defer func() { out += 1000 }()
	i := 0
top:
	if i >= n {
		goto end
	}
	func() {
		defer func() { out += i }()
	}()
	i++
	goto top
end:
	return out
}

func find(m [][]int, v int) (r string) {
	defer func() { r = "[" + r + "]" }()
	for i := range m {
		for j := range m[i] {
			if m[i][j] == v {
				r = string(rune('0'+i)) + string(rune('0'+j))
				goto found
			}
		}
	}
	return "none"
found:
	return r + "!"
}

func main() {
	println(work(5))
	println(find([][]int{{1, 2}, {3, 4}}, 4))
	println(find([][]int{{1, 2}, {3, 4}}, 7))
	n := 0
L1:
	for i := 0; i < 3; i++ {
	L2:
		for j := 0; j < 3; j++ {
			switch {
			case j == 1:
				continue L2
			case i == 1:
				continue L1
			case i == 2 && j == 2:
				break L1
			}
			n += i*10 + j
		}
	}
	println(n)
}
