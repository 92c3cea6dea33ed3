package main

func main() {
	m := map[int]int{}
	m = append(m, 1)
}
