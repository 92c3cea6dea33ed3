package main

func main() {
	/* outer /* inner */ still outer */
	println("hi")
}
