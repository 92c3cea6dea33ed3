package main

func done() {}

func main() {
	defer (done())
}
