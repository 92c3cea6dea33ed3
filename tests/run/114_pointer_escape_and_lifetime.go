package main

type counter struct{ n int }

func makeCounters(k int) []*counter {
	var out []*counter
	for i := 0; i < k; i++ {
		c := counter{i}
		out = append(out, &c)
	}
	return out
}

func leak() *[100]int {
	var arr [100]int
	for i := range arr {
		arr[i] = i
	}
	return &arr
}

func main() {
	cs := makeCounters(5)
	for _, c := range cs {
		c.n *= 10
	}
	for _, c := range cs {
		print(c.n, " ")
	}
	println()
	a := leak()
	b := leak()
	a[50] = -1
	println(a[50], b[50], a[99])
	var ptrs []*int
	for i := range 3 {
		ptrs = append(ptrs, &i)
	}
	println(*ptrs[0], *ptrs[1], *ptrs[2])
}
