package main

func main() {
	x := 1
	y := "a" + 1
	var z int = "z"
}
