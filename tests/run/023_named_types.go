package main

type Celsius int
type Flag bool
type Name string

func warm(c Celsius) Flag {
	return c > 20
}

func greet(n Name) Name {
	return n
}

func main() {
	var t Celsius = 25
	println(t, warm(t), warm(t-10))
	t += 5
	println(int(t) * 2)
	println(greet("gopher"), len(greet("go")))
	var f Flag = !warm(3)
	println(f)
}
