package main

func main() {
	n := 2
	switch n {
	case 1, 2:
	case 3, 1:
	}
}
