package main

var x = 1

func main() {
	println(x)
	x := 2
	println(x)
	{
		x := 3
		x++
		println(x)
	}
	println(x)
	if x := 10; x > 5 {
		println("if", x)
	} else {
		println("else", x)
	}
	for x := 0; x < 2; x++ {
		println("for", x)
	}
	println(x)
}
