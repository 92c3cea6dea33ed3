package main

func insertionSort(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func quickSort(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	i, j := 0, len(a)-1
	for i <= j {
		for a[i] < p {
			i++
		}
		for a[j] > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quickSort(a[:j+1])
	quickSort(a[i:])
}

func gen(n int) []int {
	s := make([]int, n)
	x := uint32(12345)
	for i := range s {
		x = x*1103515245 + 12345
		s[i] = int(x>>16) % 1000
	}
	return s
}

func main() {
	a := gen(20)
	insertionSort(a)
	for _, v := range a {
		print(v, " ")
	}
	println()
	b := gen(1000)
	quickSort(b)
	ok := true
	for i := 1; i < len(b); i++ {
		if b[i-1] > b[i] {
			ok = false
		}
	}
	println("sorted:", ok, b[0], b[500], b[999])
}
