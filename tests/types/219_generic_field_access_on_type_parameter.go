package main

type named struct{ name string }

func get[T any](v T) string {
	return v.name
}

func main() {
}
