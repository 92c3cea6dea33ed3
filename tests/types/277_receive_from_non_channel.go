package main

func main() {
	s := "x"
	_ = <-s
}
