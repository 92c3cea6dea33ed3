package main

func main() {
	abÿcd := 1
	println(abÿcd)
}
