package main

import "fmt"

var _ = fmt.Sprint

import (
	strings
)

func main() {
}
