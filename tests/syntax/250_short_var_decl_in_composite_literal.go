package main

type T struct{ a int }

func main() {
	t := T{a := 1}
	println(t.a)
}
