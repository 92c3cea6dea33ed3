package main

type doer interface {
	Do()
	Do()
}

func main() {
}
