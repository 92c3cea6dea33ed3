package main

func main() {
//line foo.go:99999999999
	println("x")
}
