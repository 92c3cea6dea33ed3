package main

func main() {
	zip := 08540
	println(zip)
}
