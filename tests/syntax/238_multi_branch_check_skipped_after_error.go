package main

func main() {
	break
	x := ]
}
