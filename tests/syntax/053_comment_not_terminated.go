package main

func main() {
	println("start")
	/* TODO: finish this
	println("end")
}
