package main

func join(a string, a string) string { return a }

func main() {
}
