package main

func helper() {} //go:noinline

func main() {
	helper()
}
