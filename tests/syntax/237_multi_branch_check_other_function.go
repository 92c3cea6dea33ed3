package main

func broken() {
	x := [1]
}

func main() {
	break
}
