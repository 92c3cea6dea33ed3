package main

func describe(type string) string {
	return type
}

func main() {
}
