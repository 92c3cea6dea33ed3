package main

type Name string

func main() {
	defer func() {
		r := recover()
		println("got", string(r.(Name)))
		var f float64 = 2.5
		panic(f)
	}()
	panic(Name("first"))
}
