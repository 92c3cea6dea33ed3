package main

type walker interface {
	walker
	Walk()
}

func main() {
}
