package main

func main() {
	😀 := "smile"
	println(😀)
}
