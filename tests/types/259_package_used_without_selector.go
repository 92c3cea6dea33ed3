package main

import "fmt"

func main() {
	_ = fmt
}
