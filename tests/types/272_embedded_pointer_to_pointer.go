package main

type ptr *int

type holder struct {
	ptr
}

func main() {
}
