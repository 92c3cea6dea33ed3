package main

func main() {
	x := 1
	switch x {
	default
		println(x)
	}
}
