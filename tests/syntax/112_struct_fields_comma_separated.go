package main

type User struct {
	Name string,
	Age  int,
}

func main() {
}
