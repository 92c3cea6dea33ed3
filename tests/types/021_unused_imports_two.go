package main

import (
	"os"
	"strings"
)

func main() {
}
