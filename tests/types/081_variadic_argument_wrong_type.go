package main

func join(sep string, parts ...string) {}

func main() {
	join(",", "a", 2)
}
