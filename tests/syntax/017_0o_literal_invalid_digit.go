package main

func main() {
	perm := 0o758
	println(perm)
}
