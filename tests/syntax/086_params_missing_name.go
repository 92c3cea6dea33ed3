package main

func join(sep string, []string) string {
	return sep
}

func main() {
}
