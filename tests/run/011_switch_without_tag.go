package main

func classify(x int) {
	switch {
	case x < 0:
		println(x, "negative")
	case x == 0:
		println(x, "zero")
	case x < 10:
		println(x, "small")
	default:
		println(x, "large")
	}
}

func main() {
	classify(-5)
	classify(0)
	classify(7)
	classify(1000)
	switch x := 3; {
	case x > 2:
		println("init works")
		break
		println("unreachable")
	}
}
