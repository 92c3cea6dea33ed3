package main

func main() {
	//go:build linux
	println("linux")
}
