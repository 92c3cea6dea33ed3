package main

func main() {
	count := 0
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if j == i {
				continue outer
			}
			if i+j > 12 {
				break outer
			}
			count++
		}
	}
	println(count)
}
