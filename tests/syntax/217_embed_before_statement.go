package main

func main() {
	//go:embed data.txt
	println("x")
}
