package main

func kind(n int) string {
	switch n {
	case 0:
		return "zero"
	case 1:
		return "one"
	}
}

func main() {
}
