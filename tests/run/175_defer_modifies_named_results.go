package main

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if r := recover(); r != nil {
			q = -1
			err = r.(error).Error()
		}
	}()
	return a / b, ""
}

func counter() (c int) {
	for i := 0; i < 3; i++ {
		defer func() { c++ }()
	}
	return 10
}

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func main() {
	println(double())
	println(safeDiv(10, 2))
	println(safeDiv(1, 0))
	println(counter())
	println(unnamed())
}
