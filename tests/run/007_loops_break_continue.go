package main

func main() {
	sum := 0
	for i := 0; i < 100; i++ {
		if i%2 == 0 {
			continue
		}
		if i > 50 {
			break
		}
		sum += i
	}
	println(sum)
	n := 0
	for n < 10 {
		n += 3
	}
	println(n)
	k := 0
	for {
		k++
		if k == 7 {
			break
		}
	}
	println(k)
}
