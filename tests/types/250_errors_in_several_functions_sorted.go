package main

func second() {
	var s string = 2
	_ = s
}

func first() {
	var n int = "1"
	_ = n
}

func main() {
	first()
	second()
}
