package main

func main() {
	million := 1_000_000_
	println(million)
}
