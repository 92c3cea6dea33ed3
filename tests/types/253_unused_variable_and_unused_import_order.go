package main

import "os"

func main() {
	unused := 1
}
