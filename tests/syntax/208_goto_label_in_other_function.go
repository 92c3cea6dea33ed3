package main

func a() {
here:
	goto here
}

func main() {
	goto here
}
