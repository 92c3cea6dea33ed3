package main

//line generated.go:100
func main() {
	x := 1 +
}
