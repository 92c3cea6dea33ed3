package main

func main() {
	_, _ = undefinedA, undefinedB
}
