package main

func main() {
	n := 1
	switch n.(type) {
	case int:
	}
}
