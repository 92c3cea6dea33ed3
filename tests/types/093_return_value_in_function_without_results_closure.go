package main

func main() {
	f := func() {
		return "x"
	}
	f()
}
