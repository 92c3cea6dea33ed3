package main

func main() {
	f := func() {
		tmp := 3
	}
	f()
}
