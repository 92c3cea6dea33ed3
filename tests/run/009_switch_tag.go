package main

func name(n int) int {
	switch n {
	case 0:
		return 100
	case 1, 2, 3:
		return 200
	case 4:
	default:
		return -1
	}
	return 400
}

func main() {
	for i := 0; i < 6; i++ {
		println(i, name(i))
	}
}
