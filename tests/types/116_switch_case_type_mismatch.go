package main

func main() {
	n := 2
	switch n {
	case "two":
	}
}
