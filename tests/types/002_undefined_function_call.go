package main

func main() {
	compute(3)
}
