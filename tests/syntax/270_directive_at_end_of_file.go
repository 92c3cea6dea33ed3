package main

func main() {
}

//go:noinline
