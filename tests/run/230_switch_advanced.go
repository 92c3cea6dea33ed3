package main

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	case n >= 70:
		return "C"
	}
	return "F"
}

func kind(n int) string {
	switch x := n % 4; x {
	case 0:
		return "zero"
	case 1, 3:
		return "odd"
	default:
		return "two"
	}
}

func fallthroughDemo(n int) {
	switch n {
	case 0:
		print("zero ")
		fallthrough
	case 1:
		print("one ")
		fallthrough
	case 2:
		print("two ")
	case 3:
		print("three ")
	default:
		print("many ")
	}
	println()
}

func calls(n int) int {
	println("  evaluated", n)
	return n
}

func main() {
	for _, n := range []int{95, 85, 75, 10} {
		print(grade(n), " ")
	}
	println()
	for i := 0; i < 5; i++ {
		print(kind(i), " ")
	}
	println()
	for i := 0; i < 5; i++ {
		fallthroughDemo(i)
	}
	switch 2 {
	case calls(1), calls(2), calls(3):
		println("matched 2, case 3 not evaluated")
	}
	switch {
	default:
		println("default first but last resort")
	case false:
	}
}
