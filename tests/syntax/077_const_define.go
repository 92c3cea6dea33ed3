package main

const Pi := 3.14

func main() {
	println(Pi)
}
