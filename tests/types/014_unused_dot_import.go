package main

import . "strings"

func main() {
}
