package main

func main() {
	type ID
	var id ID
	_ = id
}
