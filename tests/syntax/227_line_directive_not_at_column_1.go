package main

func main() {
	//line foo.go:0
	x := 1 +
}
