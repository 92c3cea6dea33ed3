package main

func main() {
	r := '\q'
	println(r)
}
