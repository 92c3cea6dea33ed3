package main

type User struct {
	Name string 'json:"name"'
}

func main() {
}
