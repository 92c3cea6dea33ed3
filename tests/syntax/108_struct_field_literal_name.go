package main

type T struct {
	1st string
}

func main() {
}
