package main

type person struct{ name string }

func main() {
	p := person{}
	println(p.Name)
}
