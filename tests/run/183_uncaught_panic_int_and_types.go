package main

type code int

func main() {
	defer func() {
		r := recover()
		println("caught", r.(int))
		panic(code(7))
	}()
	panic(42)
}
