package main

type Stringer interface{ String() string }

func main() {
	var i interface{} = "hello"
	s := i.(string)
	println(s)
	n := i.(int)
	println(n)
}
