package main

var version = "1.0"

import (
	'f'
)

func main() {
	println(version)
}
