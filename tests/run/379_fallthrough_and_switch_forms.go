package main

func grade(n int) string {
	s := ""
	switch {
	case n >= 90:
		s += "A"
		fallthrough
	case n >= 80:
		s += "B"
		fallthrough
	case n >= 70:
		s += "C"
	case n >= 60:
		s += "D"
		fallthrough
	default:
		s += "F"
	}
	return s
}

func kind(x int) string {
	switch x {
	default:
		return "many"
	case 0:
		return "zero"
	case 1, 2, 3:
		if x == 2 {
			break
		}
		return "few"
	}
	return "two"
}

func defaultMiddle(x int) (s string) {
	switch x {
	case 1:
		s = "one"
		fallthrough
	default:
		s += "default"
		fallthrough
	case 3:
		s += "three"
	}
	return
}

func main() {
	for _, n := range []int{95, 85, 75, 65, 10} {
		print(grade(n), " ")
	}
	println()
	for _, x := range []int{0, 1, 2, 3, 4} {
		print(kind(x), " ")
	}
	println()
	for _, x := range []int{1, 2, 3} {
		print(defaultMiddle(x), " ")
	}
	println()
	switch x := 5; {
	case x > 3:
		println("x>3")
	}
	var i any = 3.5
	switch v := i.(type) {
	case int, string:
		println("int or string", v)
	case float64:
		println("float", v+0.5)
	}
	switch i.(type) {
	}
	switch {
	}
	n := 0
	switch n++; n {
	case 1:
		println("incremented in init")
	}
}
