package main

func main() {
	name := "gopher"
	println($name)
}
