package main

func main() {
	let x = 5
	println(x)
}
