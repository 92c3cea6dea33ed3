package main

func main() {
	re := "\d+\.\d+"
	println(re)
}
