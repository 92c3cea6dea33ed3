package main

func main() {
	r := '\udfff'
	println(r)
}
