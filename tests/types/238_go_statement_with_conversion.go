package main

func main() {
	n := 1
	go int(n)
}
