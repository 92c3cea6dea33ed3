package main

type a struct{ id int }
type b struct{ id int }
type both struct {
	a
	b
}

func main() {
	var x both
	_ = x.id
}
