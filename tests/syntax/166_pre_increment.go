package main

func main() {
	i := 0
	++i
	println(i)
}
